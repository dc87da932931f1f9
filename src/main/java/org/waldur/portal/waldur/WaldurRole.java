package org.waldur.portal.waldur;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Waldur's system roles, such as {@code OFFERING.MANAGER} (the {@code role} of a role
 * grant).
 */
public enum WaldurRole implements WaldurVocabulary {

	/** An owner of an organisation. */
	CUSTOMER_OWNER("CUSTOMER.OWNER", "CUSTOMER.OWNER"),

	/** Support of an organisation. */
	CUSTOMER_SUPPORT("CUSTOMER.SUPPORT", "CUSTOMER.SUPPORT"),

	/** A service manager of an organisation. */
	CUSTOMER_MANAGER("CUSTOMER.MANAGER", "CUSTOMER.MANAGER"),

	/** An administrator of a project. */
	PROJECT_ADMIN("PROJECT.ADMIN", "PROJECT.ADMIN"),

	/** A manager of a project. */
	PROJECT_MANAGER("PROJECT.MANAGER", "PROJECT.MANAGER"),

	/** A member of a project. */
	PROJECT_MEMBER("PROJECT.MEMBER", "PROJECT.MEMBER"),

	/**
	 * A manager of an offering: the role Waldur Site Agent needs; the only one that
	 * belongs to offerings.
	 */
	OFFERING_MANAGER("OFFERING.MANAGER", "OFFERING.MANAGER"),

	/** A reviewer of a call. */
	CALL_REVIEWER("CALL.REVIEWER", "CALL.REVIEWER"),

	/** A manager of a call. */
	CALL_MANAGER("CALL.MANAGER", "CALL.MANAGER"),

	/** A member of a proposal. */
	PROPOSAL_MEMBER("PROPOSAL.MEMBER", "PROPOSAL.MEMBER"),

	/** A manager of a proposal. */
	PROPOSAL_MANAGER("PROPOSAL.MANAGER", "PROPOSAL.MANAGER");

	private final String value;

	private final String label;

	WaldurRole(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static WaldurRole of(String value) {
		return WaldurVocabulary.of(WaldurRole.class, value);
	}

	/**
	 * The constant for a value read from JSON: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable WaldurRole fromJson(@Nullable String value) {
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
