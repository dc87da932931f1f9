package org.waldur.portal.waldur;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How Waldur names the SLURM accounts of an offering's resources
 * ({@code account_name_generation_policy}); none (no policy) is {@code null}.
 */
public enum AccountNamePolicy implements WaldurVocabulary {

	/** From the project's slug; the only policy Waldur knows. */
	PROJECT_SLUG("project_slug", "From the project's slug (project_slug)");

	private final String value;

	private final String label;

	AccountNamePolicy(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/**
	 * The constant for Waldur's value.
	 * @param value the value Waldur writes
	 * @return the constant
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static AccountNamePolicy of(String value) {
		return WaldurVocabulary.of(AccountNamePolicy.class, value);
	}

	/**
	 * The constant for a value read from JSON, spaces around it ignored as a form trims
	 * them: blank is none, an unknown one is refused.
	 */
	@JsonCreator
	static @Nullable AccountNamePolicy fromJson(@Nullable String value) {
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
