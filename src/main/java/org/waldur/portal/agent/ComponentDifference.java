package org.waldur.portal.agent;

import org.jspecify.annotations.Nullable;

/**
 * One way the offering's components in Waldur differ from those the onboarding recorded.
 *
 * @param kind what kind of difference
 * @param type the component's type (its key in {@code backend_components})
 * @param field for {@link Kind#CHANGED}, which field, such as {@code billing type}
 * @param inWaldur the value in Waldur, or a summary of an added component
 * @param inOnboarding the value the onboarding recorded
 */
record ComponentDifference(Kind kind, String type, @Nullable String field, @Nullable String inWaldur,
		@Nullable String inOnboarding) {

	static ComponentDifference added(String type, String summary) {
		return new ComponentDifference(Kind.ADDED_IN_WALDUR, type, null, summary, null);
	}

	static ComponentDifference removed(String type) {
		return new ComponentDifference(Kind.REMOVED_IN_WALDUR, type, null, null, null);
	}

	static ComponentDifference changed(String type, String field, @Nullable String inWaldur,
			@Nullable String inOnboarding) {
		return new ComponentDifference(Kind.CHANGED, type, field, inWaldur, inOnboarding);
	}

	/** The difference in a sentence for the operator. */
	String describe() {
		return switch (this.kind) {
			case ADDED_IN_WALDUR ->
				"'" + this.type + "' was added in Waldur (" + this.inWaldur + "); the onboarding does not have it";
			case REMOVED_IN_WALDUR -> "'" + this.type + "' was removed in Waldur; the onboarding has it";
			case CHANGED -> "'" + this.type + "': " + this.field + " is " + shown(this.inWaldur) + " in Waldur, "
					+ shown(this.inOnboarding) + " in the onboarding";
		};
	}

	private static String shown(@Nullable String value) {
		return (value != null) ? value : "not set";
	}

	/** The kinds of difference. */
	enum Kind {

		/** Waldur has a component of a type the onboarding does not have. */
		ADDED_IN_WALDUR,

		/** The onboarding has a component of a type Waldur no longer has. */
		REMOVED_IN_WALDUR,

		/** Both have the type, but a field the agent uses differs. */
		CHANGED

	}

}
