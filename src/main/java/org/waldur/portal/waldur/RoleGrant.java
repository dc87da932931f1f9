package org.waldur.portal.waldur;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Waldur's answer to a role grant ({@code UserRoleExpirationTime}).
 *
 * @param expirationTime when the role expires, or {@code null} for never
 */
public record RoleGrant(@Nullable OffsetDateTime expirationTime) {

}
