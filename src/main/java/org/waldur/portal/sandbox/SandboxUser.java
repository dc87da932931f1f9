package org.waldur.portal.sandbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A user of the sandbox Waldur.
 *
 * @param uuid Waldur UUID (32 hex characters)
 * @param username unique login name
 * @param email e-mail address
 * @param firstName first name
 * @param lastName last name
 * @param staff whether the user is Waldur staff
 * @param active whether the user may authenticate
 * @param tokenLifetime token lifetime in seconds, {@code null} for tokens that never
 * expire
 * @param created when the user joined
 */
record SandboxUser(String uuid, String username, String email, String firstName, String lastName, boolean staff,
		boolean active, @Nullable Integer tokenLifetime, Instant created) {

	String fullName() {
		return (this.firstName + " " + this.lastName).trim();
	}

}
