package org.waldur.portal.waldur;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One plan of a new offering.
 *
 * @param name the plan's name
 * @param description a description, or {@code null}
 * @param unit the billing unit, or {@code null} for Waldur's default
 * @param unitPrice the price per unit as a decimal string such as {@code "0"}, or
 * {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferingPlanRequest(String name, @Nullable String description, @Nullable BillingUnit unit,
		@Nullable String unitPrice) {

	public OfferingPlanRequest {
		Objects.requireNonNull(name, "name");
		if (unitPrice != null && !unitPrice.matches("-?\\d{0,12}(?:\\.\\d{0,10})?")) {
			throw new IllegalArgumentException("unitPrice must be a decimal number such as 0 or 12.50");
		}
	}

	/** A plan with only a name. */
	public static OfferingPlanRequest named(String name) {
		return new OfferingPlanRequest(name, null, null, null);
	}
}
