package org.waldur.portal.sandbox;

import java.time.Instant;

/**
 * The authentication token of a sandbox user. Its key is a secret: never log it.
 *
 * @param key the 40-hex token key
 * @param userUuid the user it authenticates
 * @param created when it was created or last used (Waldur's sliding expiry)
 */
record SandboxToken(String key, String userUuid, Instant created) {

	@Override
	public String toString() {
		return "SandboxToken[key=******, userUuid=" + this.userUuid + ", created=" + this.created + "]";
	}

}
