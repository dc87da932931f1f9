package org.waldur.portal.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * Published when faults are added to or cleared from the sandbox, for the audit log.
 *
 * @param added the fault just added, or {@code null} when faults were cleared
 * @param cleared how many faults were cleared (0 when one was added)
 */
public record SandboxFaultsChanged(@Nullable Fault added, int cleared) {
}
