package org.waldur.portal.waldur;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How an offering component is billed (Waldur's {@code BillingTypeEnum}). Waldur Site
 * Agent understands {@link #USAGE}, {@link #LIMIT} and {@link #ONE}
 * ({@link #siteAgentKnows()}).
 */
public enum BillingType implements WaldurVocabulary {

	/** Billed by reported usage. */
	USAGE("usage", "Reported use (usage)"),

	/** Billed by the limit the customer sets. */
	LIMIT("limit", "Allocated limit (limit)"),

	/** Billed once. */
	ONE("one", "One-time (one)"),

	/** A fixed price. */
	FIXED("fixed", "Fixed price (fixed)"),

	/** Billed on plan switch. */
	FEW("few", "One-time on plan switch (few)");

	private final String value;

	private final String label;

	BillingType(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static BillingType of(String value) {
		return WaldurVocabulary.of(BillingType.class, value);
	}

	/**
	 * The constant for a value read from JSON, spaces around it ignored as a form trims
	 * them: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable BillingType fromJson(@Nullable String value) {
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

	/** Whether Waldur Site Agent can account for a component billed this way. */
	public boolean siteAgentKnows() {
		return this == USAGE || this == LIMIT || this == ONE;
	}

	/** The billing types Waldur Site Agent understands, for the offering form. */
	public static List<BillingType> siteAgentTypes() {
		return Arrays.stream(values()).filter(BillingType::siteAgentKnows).toList();
	}

}
