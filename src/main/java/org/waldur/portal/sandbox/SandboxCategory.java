package org.waldur.portal.sandbox;

import java.time.Instant;

/**
 * A marketplace category of the sandbox.
 *
 * @param uuid Waldur UUID
 * @param title title such as {@code HPC}
 * @param description description
 * @param created creation time
 */
record SandboxCategory(String uuid, String title, String description, Instant created) {
}
