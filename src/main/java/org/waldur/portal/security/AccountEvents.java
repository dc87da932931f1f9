package org.waldur.portal.security;

import java.time.Instant;
import java.util.Set;

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

}
