package org.waldur.portal.waldur;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A role a user holds on an offering ({@code UserRoleDetails}).
 *
 * @param uuid the grant's UUID
 * @param roleName the role, such as {@code OFFERING.MANAGER}
 * @param userUuid the user's UUID
 * @param userUsername the user's username
 * @param expirationTime when the role expires, or {@code null} for never
 */
public record OfferingUserRole(@Nullable String uuid, @Nullable String roleName, @Nullable String userUuid,
		@Nullable String userUsername, @Nullable OffsetDateTime expirationTime) {

}
