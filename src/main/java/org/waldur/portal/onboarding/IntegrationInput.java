package org.waldur.portal.onboarding;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.UsernamePolicy;

/**
 * The integration {@code plugin_options} entered on the integration step. The UID/GID
 * numbers are optional: newer Waldur versions no longer use them.
 *
 * @param homedirPrefix prefix of home directories
 * @param initialUidnumber first UID number, optional
 * @param initialUsergroupNumber first user-group GID number, optional
 * @param initialPrimarygroupNumber first primary-group GID number, optional
 * @param usernameAnonymizedPrefix prefix of anonymised usernames
 * @param usernameGenerationPolicy how offering usernames are generated
 * @param accountNameGenerationPolicy {@code project_slug} or none
 * @param supportsPausing whether resources can be paused
 * @param supportsDownscaling whether resources can be downscaled
 * @param serviceProviderCanCreateOfferingUser whether offering users are created
 * automatically
 */
public record IntegrationInput(String homedirPrefix, @Nullable Integer initialUidnumber,
		@Nullable Integer initialUsergroupNumber, @Nullable Integer initialPrimarygroupNumber,
		String usernameAnonymizedPrefix, String usernameGenerationPolicy, @Nullable String accountNameGenerationPolicy,
		boolean supportsPausing, boolean supportsDownscaling, boolean serviceProviderCanCreateOfferingUser) {

	/** The values of the onboarding document. */
	public static IntegrationInput defaults() {
		return new IntegrationInput("/home/", 5000, 6000, 5000, "waldur_", UsernamePolicy.WALDUR_USERNAME.value(),
				AccountNamePolicy.PROJECT_SLUG.value(), true, true, true);
	}

}
