package org.waldur.portal.waldur;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The period a component limit applies to (Waldur's {@code LimitPeriodEnum}).
 */
public enum LimitPeriod implements WaldurVocabulary {

	/** Per month. */
	MONTH("month", "Per month (month)"),

	/** Per quarter (Waldur 8 and later). */
	QUARTERLY("quarterly", "Per quarter (quarterly)"),

	/** Per year. */
	ANNUAL("annual", "Per year (annual)"),

	/** Over the resource's lifetime. */
	TOTAL("total", "In total (total)");

	private final String value;

	private final String label;

	LimitPeriod(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static LimitPeriod of(String value) {
		return WaldurVocabulary.of(LimitPeriod.class, value);
	}

	/**
	 * The constant for a value read from JSON, spaces around it ignored as a form trims
	 * them: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable LimitPeriod fromJson(@Nullable String value) {
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
