package org.waldur.portal.onboarding.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.IntegrationInput;
import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurVocabulary;

/**
 * The integration step's form: Waldur's {@code plugin_options} for a SLURM offering. The
 * UID/GID numbers are optional because newer Waldur versions ignore them.
 */
@ProviderPolicyNeedsUserCreation
public class IntegrationForm {

	@NotBlank(message = "Enter the home directory prefix, such as /home/.")
	@Size(max = 255, message = "Use at most 255 characters.")
	@Pattern(regexp = "/[^\\s]*", message = "Use an absolute path without spaces, such as /home/.")
	private @Nullable String homedirPrefix;

	@Min(value = 0, message = "Use 0 or more.")
	@Max(value = Integer.MAX_VALUE, message = "The number is too large.")
	private @Nullable Integer initialUidnumber;

	@Min(value = 0, message = "Use 0 or more.")
	@Max(value = Integer.MAX_VALUE, message = "The number is too large.")
	private @Nullable Integer initialUsergroupNumber;

	@Min(value = 0, message = "Use 0 or more.")
	@Max(value = Integer.MAX_VALUE, message = "The number is too large.")
	private @Nullable Integer initialPrimarygroupNumber;

	@NotBlank(message = "Enter the prefix of anonymised usernames, such as waldur_.")
	@Size(max = 64, message = "Use at most 64 characters.")
	@Pattern(regexp = "[a-z0-9_.-]*", message = "Use lowercase letters, digits and _ . - only.")
	private @Nullable String usernameAnonymizedPrefix;

	@NotNull(message = "Choose a username generation policy.")
	private @Nullable UsernamePolicy usernameGenerationPolicy;

	private @Nullable AccountNamePolicy accountNameGenerationPolicy;

	private boolean supportsPausing;

	private boolean supportsDownscaling;

	private boolean serviceProviderCanCreateOfferingUser;

	static IntegrationForm of(IntegrationInput input) {
		IntegrationForm form = new IntegrationForm();
		form.homedirPrefix = input.homedirPrefix();
		form.initialUidnumber = input.initialUidnumber();
		form.initialUsergroupNumber = input.initialUsergroupNumber();
		form.initialPrimarygroupNumber = input.initialPrimarygroupNumber();
		form.usernameAnonymizedPrefix = input.usernameAnonymizedPrefix();
		form.usernameGenerationPolicy = WaldurVocabulary.find(UsernamePolicy.class, input.usernameGenerationPolicy())
			.orElse(null);
		form.accountNameGenerationPolicy = WaldurVocabulary
			.find(AccountNamePolicy.class, input.accountNameGenerationPolicy())
			.orElse(null);
		form.supportsPausing = input.supportsPausing();
		form.supportsDownscaling = input.supportsDownscaling();
		form.serviceProviderCanCreateOfferingUser = input.serviceProviderCanCreateOfferingUser();
		return form;
	}

	IntegrationInput toInput() {
		return new IntegrationInput(OfferingForm.trimmed(this.homedirPrefix), this.initialUidnumber,
				this.initialUsergroupNumber, this.initialPrimarygroupNumber,
				OfferingForm.trimmed(this.usernameAnonymizedPrefix),
				WaldurVocabulary.wireValue(this.usernameGenerationPolicy, ""),
				WaldurVocabulary.wireValue(this.accountNameGenerationPolicy), this.supportsPausing,
				this.supportsDownscaling, this.serviceProviderCanCreateOfferingUser);
	}

	public @Nullable String getHomedirPrefix() {
		return this.homedirPrefix;
	}

	public void setHomedirPrefix(@Nullable String homedirPrefix) {
		this.homedirPrefix = homedirPrefix;
	}

	public @Nullable Integer getInitialUidnumber() {
		return this.initialUidnumber;
	}

	public void setInitialUidnumber(@Nullable Integer initialUidnumber) {
		this.initialUidnumber = initialUidnumber;
	}

	public @Nullable Integer getInitialUsergroupNumber() {
		return this.initialUsergroupNumber;
	}

	public void setInitialUsergroupNumber(@Nullable Integer initialUsergroupNumber) {
		this.initialUsergroupNumber = initialUsergroupNumber;
	}

	public @Nullable Integer getInitialPrimarygroupNumber() {
		return this.initialPrimarygroupNumber;
	}

	public void setInitialPrimarygroupNumber(@Nullable Integer initialPrimarygroupNumber) {
		this.initialPrimarygroupNumber = initialPrimarygroupNumber;
	}

	public @Nullable String getUsernameAnonymizedPrefix() {
		return this.usernameAnonymizedPrefix;
	}

	public void setUsernameAnonymizedPrefix(@Nullable String usernameAnonymizedPrefix) {
		this.usernameAnonymizedPrefix = usernameAnonymizedPrefix;
	}

	public @Nullable UsernamePolicy getUsernameGenerationPolicy() {
		return this.usernameGenerationPolicy;
	}

	public void setUsernameGenerationPolicy(@Nullable UsernamePolicy usernameGenerationPolicy) {
		this.usernameGenerationPolicy = usernameGenerationPolicy;
	}

	public @Nullable AccountNamePolicy getAccountNameGenerationPolicy() {
		return this.accountNameGenerationPolicy;
	}

	public void setAccountNameGenerationPolicy(@Nullable AccountNamePolicy accountNameGenerationPolicy) {
		this.accountNameGenerationPolicy = accountNameGenerationPolicy;
	}

	public boolean isSupportsPausing() {
		return this.supportsPausing;
	}

	public void setSupportsPausing(boolean supportsPausing) {
		this.supportsPausing = supportsPausing;
	}

	public boolean isSupportsDownscaling() {
		return this.supportsDownscaling;
	}

	public void setSupportsDownscaling(boolean supportsDownscaling) {
		this.supportsDownscaling = supportsDownscaling;
	}

	public boolean isServiceProviderCanCreateOfferingUser() {
		return this.serviceProviderCanCreateOfferingUser;
	}

	public void setServiceProviderCanCreateOfferingUser(boolean serviceProviderCanCreateOfferingUser) {
		this.serviceProviderCanCreateOfferingUser = serviceProviderCanCreateOfferingUser;
	}

}
