package org.waldur.portal.waldur;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A user's API token as Waldur shows it to staff ({@code UserAuthToken}).
 * {@link #toString()} masks the token.
 *
 * @param created when the token was created or last used (Waldur slides it on each use)
 * @param token the token
 * @param userUsername the owner's username
 * @param userFirstName the owner's first name
 * @param userLastName the owner's last name
 * @param userIsActive whether the owner is active
 * @param userTokenLifetime the lifetime in seconds, or {@code null} for no expiry
 */
public record UserAuthToken(@Nullable OffsetDateTime created, WaldurToken token, @Nullable String userUsername,
		@Nullable String userFirstName, @Nullable String userLastName, boolean userIsActive,
		@Nullable Integer userTokenLifetime) {

	public UserAuthToken {
		Objects.requireNonNull(token, "token");
	}

	/** The token's lifetime, or {@code null} when it does not expire. */
	public @Nullable Duration lifetime() {
		return (this.userTokenLifetime != null) ? Duration.ofSeconds(this.userTokenLifetime) : null;
	}

}
