package org.waldur.portal.waldur;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The unit a plan's price applies to (Waldur's {@code BillingUnit}).
 */
public enum BillingUnit implements WaldurVocabulary {

	/** Per month. */
	MONTH("month", "Per month (month)"),

	/** Per quarter. */
	QUARTER("quarter", "Per quarter (quarter)"),

	/** Per half month. */
	HALF_MONTH("half_month", "Per half month (half_month)"),

	/** Per day. */
	DAY("day", "Per day (day)"),

	/** Per hour. */
	HOUR("hour", "Per hour (hour)"),

	/** Per unit of quantity. */
	QUANTITY("quantity", "Per unit (quantity)");

	private final String value;

	private final String label;

	BillingUnit(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static BillingUnit of(String value) {
		return WaldurVocabulary.of(BillingUnit.class, value);
	}

	/**
	 * The constant for a value read from JSON, spaces around it ignored as a form trims
	 * them: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable BillingUnit fromJson(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : of(value.strip());
	}

	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

	@Override
	public String label() {
		return this.label;
	}

	/** The value Waldur uses, as forms and pages show it. */
	@Override
	public String toString() {
		return this.value;
	}

}
