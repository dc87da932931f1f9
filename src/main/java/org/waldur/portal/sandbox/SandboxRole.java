package org.waldur.portal.sandbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A role a user holds on an offering, such as {@code OFFERING.MANAGER}.
 *
 * @param uuid Waldur UUID of the grant
 * @param offeringUuid the offering
 * @param userUuid the user
 * @param role role name
 * @param expirationTime when the grant ends, {@code null} for a permanent grant
 * @param created when it was granted
 * @param createdByUuid who granted it
 */
record SandboxRole(String uuid, String offeringUuid, String userUuid, String role, @Nullable Instant expirationTime,
		Instant created, @Nullable String createdByUuid) {

	boolean activeAt(Instant now) {
		return this.expirationTime == null || this.expirationTime.isAfter(now);
	}

}
