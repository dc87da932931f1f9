package org.waldur.portal.api;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.web.AccountForm;
import org.waldur.portal.onboarding.web.IntegrationForm;
import org.waldur.portal.onboarding.web.KeepTokenForm;
import org.waldur.portal.onboarding.web.OfferingForm;

/**
 * A new onboarding with any of its inputs, validated by the wizard's rules; what is left
 * out can be saved later, step by step.
 *
 * @param offering the offering step's inputs
 * @param integration the integration options
 * @param serviceAccount the service-account user
 * @param keepToken the token lifetime the keep-token step sets
 */
record CreateOnboarding(@Valid @Nullable OfferingForm offering, @Valid @Nullable IntegrationForm integration,
		@Valid @Nullable AccountForm serviceAccount, @Valid @Nullable KeepTokenForm keepToken) {
}
