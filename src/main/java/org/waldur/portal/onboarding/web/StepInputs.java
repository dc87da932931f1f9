package org.waldur.portal.onboarding.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.AccountInput;
import org.waldur.portal.onboarding.IntegrationInput;
import org.waldur.portal.onboarding.OfferingInput;

import org.springframework.stereotype.Component;

/**
 * The wizard's forms turned into the use cases' inputs, for other front ends (the
 * automation API) that bind and validate the same forms: the same rules, the same
 * messages, the same checks in Waldur.
 */
@Component
public class StepInputs {

	private final Pickers pickers;

	StepInputs(Pickers pickers) {
		this.pickers = pickers;
	}

	/**
	 * The offering inputs of a valid form, with the organisation and category read from
	 * Waldur (as the wizard's save does).
	 * @throws InputsRejectedException naming the fields whose choice Waldur does not know
	 * @throws org.waldur.portal.waldur.WaldurException when Waldur cannot be asked
	 */
	public OfferingInput offering(OfferingForm form) {
		Optional<Pickers.Choice> customer = this.pickers.customer(String.valueOf(form.getCustomerUuid()));
		Optional<Pickers.Choice> category = this.pickers.category(String.valueOf(form.getCategoryUuid()));
		Map<String, String> errors = new LinkedHashMap<>();
		if (customer.isEmpty()) {
			errors.put("customerUuid", "This organisation is not known to Waldur.");
		}
		if (category.isEmpty()) {
			errors.put("categoryUuid", "This category is not known to Waldur.");
		}
		if (!errors.isEmpty()) {
			throw new InputsRejectedException(errors);
		}
		return form.toInput(customer.get(), category.get());
	}

	public IntegrationInput integration(IntegrationForm form) {
		return form.toInput();
	}

	public AccountInput account(AccountForm form) {
		return form.toInput();
	}

	/**
	 * The keep-token lifetime in seconds, {@code null} for a token that never expires.
	 * @throws InputsRejectedException when a lifetime is chosen without its hours
	 */
	public @Nullable Integer keepTokenSeconds(KeepTokenForm form) {
		if (form.hoursMissing()) {
			throw new InputsRejectedException(Map.of("hours",
					"Enter after how many hours without use the token expires, for example 720 (30 days)."));
		}
		return form.toSeconds();
	}

	/**
	 * The form field a Waldur request field belongs to, as the wizard shows it:
	 * {@code components[1].billing_type} is {@code components[1].billingType}.
	 */
	public static String formField(String waldurField) {
		return WaldurFieldErrors.toField(waldurField);
	}

	/** Form fields whose values Waldur does not know, each with its message. */
	public static class InputsRejectedException extends RuntimeException {

		private final Map<String, String> fieldErrors;

		InputsRejectedException(Map<String, String> fieldErrors) {
			super(String.join(" ", fieldErrors.values()));
			this.fieldErrors = Map.copyOf(fieldErrors);
		}

		public Map<String, String> fieldErrors() {
			return this.fieldErrors;
		}

	}

}
