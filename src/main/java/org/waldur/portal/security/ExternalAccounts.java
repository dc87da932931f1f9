package org.waldur.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of people who sign in through the OpenID Connect provider, found by the
 * provider's issuer and subject: created at the first sign-in, given at every sign-in the
 * roles the claims give, refused when the claims give none or the account was disabled
 * here. Every outcome is published for the audit log in the same transaction.
 */
@Service
@Transactional
class ExternalAccounts {

	/** Longest account name. */
	static final int MAX_USERNAME = 64;

	private static final Logger log = LoggerFactory.getLogger(ExternalAccounts.class);

	private final Accounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ExternalAccounts(Accounts accounts, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Signs in the provider's {@code subject} at {@code issuer}, whose claims give
	 * {@code roles}; {@code name} names a new account.
	 */
	Outcome signIn(String issuer, String subject, @Nullable String name, Set<Role> roles) {
		Account account = this.accounts.findByExternalIssuerAndExternalSubject(issuer, subject).orElse(null);
		String username = (account != null) ? account.getUsername() : newUsername(name, issuer, subject);
		if (account != null && !account.isEnabled()) {
			return refused(username, issuer, subject, Outcome.DISABLED,
					"the account was disabled by a portal administrator");
		}
		if (roles.isEmpty()) {
			return refused(username, issuer, subject, Outcome.NO_ROLE, "the provider's claims give no portal role");
		}
		if (account == null) {
			account = this.accounts.save(Account.external(username, issuer, subject, roles, this.clock.instant()));
			log.info("Account '{}' created at its first sign-in through the provider with roles {}", username, roles);
			this.events
				.publishEvent(new AccountEvents.ExternalAccountCreated(username, issuer, subject, Set.copyOf(roles)));
		}
		else if (!account.getRoles().equals(roles)) {
			Set<Role> previous = account.getRoles();
			account.assignRoles(roles, this.clock.instant());
			log.info("Roles of '{}' set to {} from the provider's claims (were {})", username, roles, previous);
			this.events.publishEvent(
					new AccountEvents.RolesChangedByProvider(username, issuer, subject, previous, Set.copyOf(roles)));
		}
		this.events.publishEvent(new AccountEvents.ProviderSignedIn(username, issuer, subject, Set.copyOf(roles)));
		return new Outcome(username, account.getRoles(), null);
	}

	private Outcome refused(String username, String issuer, String subject, String reason, String why) {
		log.info("Sign-in of '{}' through the provider refused: {}", username, why);
		this.events.publishEvent(new AccountEvents.ProviderSignInRefused(username, issuer, subject, why));
		return new Outcome(username, Set.of(), reason);
	}

	/**
	 * A name for a new account: the provider's name in lower case, or the subject; a name
	 * another account has gets a suffix from the subject, so that the provider can never
	 * sign someone in as an existing (local) account.
	 */
	private String newUsername(@Nullable String name, String issuer, String subject) {
		String base = clean((name != null && !name.isBlank()) ? name : subject);
		if (!this.accounts.existsByUsername(base)) {
			return base;
		}
		String suffix = "-" + digest(issuer + " " + subject).substring(0, 8);
		return base.substring(0, Math.min(base.length(), MAX_USERNAME - suffix.length())) + suffix;
	}

	private static String clean(String name) {
		String clean = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]+", "-");
		if (clean.isEmpty()) {
			clean = "user";
		}
		return clean.substring(0, Math.min(clean.length(), MAX_USERNAME));
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * How a sign-in ended: admitted as {@code username} with {@code roles}, or refused
	 * for {@code refusal} ({@link #NO_ROLE} or {@link #DISABLED}).
	 */
	record Outcome(String username, Set<Role> roles, @Nullable String refusal) {

		static final String NO_ROLE = "no_portal_role";

		static final String DISABLED = "account_disabled";

		boolean admitted() {
			return this.refusal == null;
		}

	}

}
