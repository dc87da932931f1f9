package org.waldur.portal.security.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

/**
 * Form to set a new password for an account.
 */
record PasswordForm(@NotEmpty(message = "Enter a password.") @Nullable String password, @Nullable String confirmation) {

	@AssertTrue(message = "The two passwords differ.")
	public boolean isConfirmed() {
		return this.password == null || this.password.equals(this.confirmation);
	}

}
