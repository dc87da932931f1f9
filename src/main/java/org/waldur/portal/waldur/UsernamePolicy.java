package org.waldur.portal.waldur;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How Waldur makes offering usernames (Waldur's {@code UsernameGenerationPolicyEnum}), in
 * the order pages list them.
 */
public enum UsernamePolicy implements WaldurVocabulary {

	/** The Waldur username. */
	WALDUR_USERNAME("waldur_username", "Waldur's own username (waldur_username)"),

	/** The service provider (the site agent) sets usernames; Waldur's default. */
	SERVICE_PROVIDER("service_provider", "The site agent makes usernames (service_provider)"),

	/** A prefix and a number, such as {@code waldur_00001}. */
	ANONYMIZED("anonymized", "A prefix and a number (anonymized)"),

	/** From the user's full name, such as {@code john_doe_01}. */
	FULL_NAME("full_name", "From the user's full name (full_name)"),

	/** From FreeIPA. */
	FREEIPA("freeipa", "From FreeIPA (freeipa)"),

	/** From a claim of the identity provider (Waldur 8 and later). */
	IDENTITY_CLAIM("identity_claim", "From the identity provider (identity_claim)");

	private final String value;

	private final String label;

	UsernamePolicy(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static UsernamePolicy of(String value) {
		return WaldurVocabulary.of(UsernamePolicy.class, value);
	}

	/**
	 * The constant for a value read from JSON, spaces around it ignored as a form trims
	 * them: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable UsernamePolicy fromJson(@Nullable String value) {
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
