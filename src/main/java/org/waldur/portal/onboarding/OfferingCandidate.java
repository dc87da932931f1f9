package org.waldur.portal.onboarding;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.Offering;

/**
 * One of several offerings Waldur holds under an onboarding's name, as the look-up that
 * found them saw it.
 *
 * @param uuid the offering's UUID
 * @param url its API URL
 * @param name its name
 * @param state its state then, such as {@code Draft}
 * @param created when Waldur created it
 */
public record OfferingCandidate(String uuid, @Nullable String url, @Nullable String name, @Nullable String state,
		@Nullable Instant created) {

	static OfferingCandidate of(Offering offering) {
		return new OfferingCandidate(offering.uuid(), offering.url(), offering.name(), offering.state(),
				(offering.created() != null) ? offering.created().toInstant() : null);
	}

}
