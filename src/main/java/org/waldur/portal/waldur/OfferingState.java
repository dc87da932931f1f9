package org.waldur.portal.waldur;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The state of a marketplace offering (Waldur's {@code OfferingState}).
 */
public enum OfferingState implements WaldurVocabulary {

	/** Created, not yet offered. */
	DRAFT("Draft", "Draft"),

	/** Offered; orders are accepted. */
	ACTIVE("Active", "Active"),

	/** Temporarily not offered. */
	PAUSED("Paused", "Paused"),

	/** No longer offered. */
	ARCHIVED("Archived", "Archived"),

	/** Offered but unavailable. */
	UNAVAILABLE("Unavailable", "Unavailable");

	private final String value;

	private final String label;

	OfferingState(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static OfferingState of(String value) {
		return WaldurVocabulary.of(OfferingState.class, value);
	}

	/**
	 * The constant for a value read from JSON: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable OfferingState fromJson(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : of(value);
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
