package org.waldur.portal.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Events about portal accounts, published in the same transaction as the change they
 * describe, for the audit log. They never carry a password or its hash.
 */
public final class AccountEvents {

	private AccountEvents() {
	}

	/** An account was created ({@code actor} is {@code system} at start-up). */
	public record AccountCreated(String username, Set<Role> roles, String actor) {
	}

	/** The roles of an account were replaced. */
	public record RolesChanged(String username, Set<Role> roles, String actor) {
	}

	/** An administrator set a new password. */
	public record PasswordReset(String username, String actor) {
	}

	/** An account was enabled. */
	public record AccountEnabled(String username, String actor) {
	}

	/** An account was disabled. */
	public record AccountDisabled(String username, String actor) {
	}

	/** An administrator unlocked an account. */
	public record AccountUnlocked(String username, String actor) {
	}

	/** Too many failed sign-ins in a row locked an account. */
	public record AccountLocked(String username, int failures, Instant lockedUntil) {
	}

	/**
	 * Someone signed in through the OpenID Connect provider, as the provider's
	 * {@code subject} at {@code issuer}, with the roles its claims gave.
	 */
	public record ProviderSignedIn(String username, String issuer, String subject, Set<Role> roles) {
	}

	/** An account was created at its first sign-in through the provider. */
	public record ExternalAccountCreated(String username, String issuer, String subject, Set<Role> roles) {
	}

	/** The provider's claims gave an external account other roles than it had. */
	public record RolesChangedByProvider(String username, String issuer, String subject, Set<Role> previous,
			Set<Role> roles) {
	}

	/**
	 * A sign-in through the provider was refused. {@code name} is the account or the name
	 * the provider gave; {@code subject} is {@code null} when the provider's answer was
	 * not trusted (an invalid ID token).
	 */
	public record ProviderSignInRefused(String name, String issuer, @Nullable String subject, String reason) {
	}

}
