package org.waldur.portal.security.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Form to set a new password for an account.
 */
record PasswordForm(@NotBlank(message = "Enter a password.") @Size(min = 10, max = 128,
		message = "Use 10 to 128 characters.") @Nullable String password, @Nullable String confirmation) {

	@AssertTrue(message = "The two passwords differ.")
	public boolean isConfirmed() {
		return this.password == null || this.password.equals(this.confirmation);
	}

}
