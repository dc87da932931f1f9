package org.waldur.portal.security.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.security.Role;

/**
 * Form to create a portal account.
 */
record NewAccountForm(@NotBlank(message = "Enter a username.") @Pattern(regexp = "[a-z0-9._-]{3,64}",
		message = "Use 3 to 64 lowercase letters, digits, dots, dashes or underscores.") @Nullable String username,
		@NotEmpty(message = "Enter a password.") @Nullable String password,
		@NotEmpty(message = "Choose at least one role.") @Nullable Set<Role> roles) {

	/** No role is ticked: the administrator chooses each account's roles. */
	static NewAccountForm empty() {
		return new NewAccountForm(null, null, Set.of());
	}

}
