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
 */
record SandboxCustomer(String uuid, String name, @Nullable String ownerUuid, Instant created) {

	boolean isOwnedBy(SandboxUser user) {
		return user.uuid().equals(this.ownerUuid);
	}

	/**
	 * Whether the customer offers services; the sandbox treats owned ones as providers.
	 */
	boolean serviceProvider() {
		return this.ownerUuid != null;
	}

}
