package org.waldur.portal.waldur;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One accounting component of a new offering, such as CPU hours.
 *
 * @param type the component's key, letters, digits and {@code _-/:} only, such as
 * {@code cpu}
 * @param name the label shown to users
 * @param measuredUnit the unit shown to users, such as {@code hours}
 * @param billingType how the component is billed
 * @param limitPeriod the period a limit applies to, or {@code null}
 * @param limitAmount the limit, or {@code null}
 * @param unitFactor the factor between the site's unit and the measured unit, or
 * {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferingComponentRequest(String type, String name, String measuredUnit, BillingType billingType,
		@Nullable LimitPeriod limitPeriod, @Nullable Integer limitAmount, @Nullable Integer unitFactor) {

	public OfferingComponentRequest {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(measuredUnit, "measuredUnit");
		Objects.requireNonNull(billingType, "billingType");
	}
}
