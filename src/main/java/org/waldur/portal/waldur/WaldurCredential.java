package org.waldur.portal.waldur;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Which Waldur token a call is made with: the portal's staff token (resolved per call
 * from the {@link WaldurEndpoint}), a token of an organisation owner, or the service
 * account's own token, both given by the caller. The token never appears in
 * {@link #toString()}. A preview needs only the {@link Kind}, never a credential.
 */
public final class WaldurCredential {

	private static final WaldurCredential STAFF = new WaldurCredential(Kind.STAFF, null);

	private final Kind kind;

	private final @Nullable String token;

	private WaldurCredential(Kind kind, @Nullable String token) {
		this.kind = kind;
		this.token = token;
	}

	/** The portal's staff token. */
	public static WaldurCredential staff() {
		return STAFF;
	}

	/**
	 * The token of a user who owns the service-provider organisation.
	 * @param token the Waldur API token, not blank
	 */
	public static WaldurCredential owner(String token) {
		Objects.requireNonNull(token, "token");
		if (token.isBlank()) {
			throw new IllegalArgumentException("The organisation-owner token must not be blank.");
		}
		return new WaldurCredential(Kind.ORGANISATION_OWNER, token.trim());
	}

	/**
	 * The token of the onboarding's service account, the one the site agent uses.
	 * @param token the Waldur API token, not blank
	 */
	public static WaldurCredential serviceAccount(String token) {
		Objects.requireNonNull(token, "token");
		if (token.isBlank()) {
			throw new IllegalArgumentException("The service-account token must not be blank.");
		}
		return new WaldurCredential(Kind.SERVICE_ACCOUNT, token.trim());
	}

	/** Which kind of token this is. */
	public Kind kind() {
		return this.kind;
	}

	String token(WaldurEndpoint endpoint) {
		return (this.token != null) ? this.token : endpoint.staffToken();
	}

	@Override
	public String toString() {
		return "WaldurCredential[" + this.kind.description() + " ******]";
	}

	/**
	 * The kinds of token the portal uses.
	 */
	public enum Kind {

		/** The portal's own Waldur staff token. */
		STAFF("staff token"),

		/** A token of an owner of the service-provider organisation. */
		ORGANISATION_OWNER("organisation-owner token"),

		/** The token of the onboarding's service account, as the site agent uses it. */
		SERVICE_ACCOUNT("service-account token");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		/** A phrase for messages, such as {@code staff token}. */
		public String description() {
			return this.description;
		}

	}

}
