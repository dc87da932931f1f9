package org.waldur.portal.waldur;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A Waldur user ({@code User}); only the fields the portal uses.
 *
 * @param uuid its UUID
 * @param url its API URL
 * @param username its username
 * @param email its e-mail address
 * @param firstName its first name
 * @param lastName its last name
 * @param fullName its full name
 * @param isActive whether it may sign in
 * @param isStaff whether it is staff
 * @param tokenLifetime the token's lifetime in seconds, {@code null} when it does not
 * expire or when Waldur does not show it (only the user sees their own)
 * @param tokenExpiresAt when the token expires unless used, as only the user sees it
 */
public record WaldurUser(String uuid, @Nullable String url, @Nullable String username, @Nullable String email,
		@Nullable String firstName, @Nullable String lastName, @Nullable String fullName, boolean isActive,
		boolean isStaff, @Nullable Integer tokenLifetime, @Nullable OffsetDateTime tokenExpiresAt) {

}
