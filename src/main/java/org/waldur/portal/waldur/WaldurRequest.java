package org.waldur.portal.waldur;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One change call to Waldur, defined once by {@link WaldurCalls}: what it does, its
 * method, path and body, the kind of token it goes with and the type of Waldur's answer.
 * {@link WaldurClient#preview(WaldurRequest)} shows it and
 * {@link WaldurClient#send(WaldurRequest, WaldurCredential)} sends it, so what a user
 * confirms is what is sent. It holds no token: a preview needs only the token's kind, and
 * the token is given when the call is sent.
 *
 * @param <T> the type of Waldur's answer
 */
public final class WaldurRequest<T> {

	private final WaldurOperation operation;

	private final HttpMethod method;

	private final String path;

	private final @Nullable Object body;

	private final WaldurCredential.Kind credentialKind;

	private final Class<T> type;

	WaldurRequest(WaldurOperation operation, HttpMethod method, String path, @Nullable Object body,
			WaldurCredential.Kind credentialKind, Class<T> type) {
		this.operation = operation;
		this.method = method;
		this.path = path;
		this.body = body;
		this.credentialKind = credentialKind;
		this.type = type;
	}

	/** The kind of token the call goes with. */
	public WaldurCredential.Kind credentialKind() {
		return this.credentialKind;
	}

	/** The HTTP method, such as {@code POST}. */
	public String method() {
		return this.method.name();
	}

	/** The path below the API root, such as {@code users/}. */
	public String path() {
		return this.path;
	}

	WaldurOperation operation() {
		return this.operation;
	}

	HttpMethod httpMethod() {
		return this.method;
	}

	@Nullable Object body() {
		return this.body;
	}

	Class<T> type() {
		return this.type;
	}

	/**
	 * The call with the token to send it with.
	 * @throws IllegalArgumentException when the token is of another kind than the call
	 * goes with
	 */
	WaldurCall with(WaldurCredential credential) {
		Objects.requireNonNull(credential, "credential");
		if (credential.kind() != this.credentialKind) {
			throw new IllegalArgumentException(this.operation.capitalized() + " goes with the "
					+ this.credentialKind.description() + ", not the " + credential.kind().description() + ".");
		}
		return WaldurCall.send(this.operation, this.method, credential, this.path, this.body);
	}

	@Override
	public String toString() {
		return "WaldurRequest[" + this.method + " " + this.path + " with the " + this.credentialKind.description()
				+ "]";
	}

}
