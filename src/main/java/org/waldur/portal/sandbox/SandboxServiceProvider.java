package org.waldur.portal.sandbox;

import java.time.Instant;

/**
 * A service provider of the sandbox (Waldur's {@code ServiceProvider}, one per
 * organisation).
 *
 * @param uuid Waldur UUID
 * @param customerUuid the organisation it belongs to
 * @param description its description
 * @param enableNotifications whether Waldur notifies it
 * @param created registration time
 */
record SandboxServiceProvider(String uuid, String customerUuid, String description, boolean enableNotifications,
		Instant created) {

}
