package org.waldur.portal.sandbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An organisation (Waldur "customer") of the sandbox.
 *
 * @param uuid Waldur UUID
 * @param name display name
 * @param ownerUuid the user holding CUSTOMER.OWNER, if any
 * @param created creation time
 * @param blocked whether Waldur has blocked the organisation
 * @param serviceProvider whether it is registered as a service provider
 */
record SandboxCustomer(String uuid, String name, @Nullable String ownerUuid, Instant created, boolean blocked,
		boolean serviceProvider) {

	boolean isOwnedBy(SandboxUser user) {
		return user.uuid().equals(this.ownerUuid);
	}

}
