package org.waldur.portal.onboarding.web;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.AccountInput;

/**
 * The service-account step's form, with Waldur's username rule (lowercase letters, digits
 * and {@code @ . + - _}, at most 128 characters).
 */
public class AccountForm {

	/** Waldur's username pattern. */
	static final String USERNAME_PATTERN = "[0-9a-z_.@+-]+";

	@NotBlank(message = "Enter a username for the service account.")
	@Size(max = 128, message = "Waldur accepts at most 128 characters.")
	@Pattern(regexp = USERNAME_PATTERN, message = "Use lowercase letters, digits and @ . + - _ only.")
	private @Nullable String username;

	@NotBlank(message = "Enter an e-mail address.")
	@Email(regexp = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+", message = "Enter a valid e-mail address.")
	@Size(max = 254, message = "Use at most 254 characters.")
	private @Nullable String email;

	@Size(max = 100, message = "Waldur accepts at most 100 characters.")
	private @Nullable String firstName;

	@Size(max = 100, message = "Waldur accepts at most 100 characters.")
	private @Nullable String lastName;

	/**
	 * Suggests a service account named after the offering, such as
	 * {@code test_cluster_agent}.
	 */
	static AccountForm suggestedFor(String offeringName) {
		String base = offeringName.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]+", "_").replaceAll("^_+|_+$", "");
		if (base.isEmpty()) {
			base = "slurm";
		}
		if (base.length() > 100) {
			base = base.substring(0, 100);
		}
		AccountForm form = new AccountForm();
		form.username = base + "_agent";
		form.email = base.replace('_', '-') + "-agent@example.org";
		form.firstName = "Site agent";
		form.lastName = offeringName.length() > 100 ? offeringName.substring(0, 100) : offeringName;
		return form;
	}

	static AccountForm of(AccountInput input) {
		AccountForm form = new AccountForm();
		form.username = input.username();
		form.email = input.email();
		form.firstName = input.firstName();
		form.lastName = input.lastName();
		return form;
	}

	AccountInput toInput() {
		return new AccountInput(OfferingForm.trimmed(this.username), OfferingForm.trimmed(this.email),
				OfferingForm.trimmed(this.firstName), OfferingForm.trimmed(this.lastName));
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(@Nullable String firstName) {
		this.firstName = firstName;
	}

	public @Nullable String getLastName() {
		return this.lastName;
	}

	public void setLastName(@Nullable String lastName) {
		this.lastName = lastName;
	}

}
