package org.waldur.portal.api;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * Runs a step as previewed.
 *
 * @param fingerprint the preview's fingerprint: the step runs only when the request built
 * now is the same (409 {@code request-changed} otherwise)
 * @param version the onboarding's version seen with the preview; left out, the current
 * one
 */
record RunStep(@NotBlank(message = "Send the fingerprint of the preview you checked.") @Nullable String fingerprint,
		@Nullable Long version) {
}
