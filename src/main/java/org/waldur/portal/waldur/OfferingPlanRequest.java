package org.waldur.portal.waldur;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
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
public record OfferingPlanRequest(String name, @Nullable String description, @Nullable Unit unit,
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

	/**
	 * The unit a plan's price applies to ({@code BillingUnit}).
	 */
	public enum Unit {

		/** Per month. */
		MONTH("month"),

		/** Per quarter. */
		QUARTER("quarter"),

		/** Per half month. */
		HALF_MONTH("half_month"),

		/** Per day. */
		DAY("day"),

		/** Per hour. */
		HOUR("hour"),

		/** Per unit of quantity. */
		QUANTITY("quantity");

		private final String value;

		Unit(String value) {
			this.value = value;
		}

		/** The value Waldur uses. */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
