package org.waldur.portal.onboarding;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the offering step assumes of Waldur, as last read: the organisation is a
 * registered service provider and not blocked, and the category exists.
 *
 * @param organisation the organisation's name
 * @param serviceProvider whether it is a registered service provider
 * @param blocked whether it is blocked or archived, or {@code null} when Waldur did not
 * show it
 * @param categoryExists whether the chosen category exists
 */
public record Prerequisites(String organisation, boolean serviceProvider, @Nullable Boolean blocked,
		boolean categoryExists) {

	/** What the category field says when the chosen category is gone. */
	public static final String MISSING_CATEGORY = "The category does not exist in Waldur (any more): choose another.";

	/** Whether the offering step can be sent. */
	public boolean met() {
		return this.serviceProvider && Boolean.FALSE.equals(this.blocked) && this.categoryExists;
	}

	/** Whether registering the organisation as a provider would make them met. */
	public boolean onlyProviderMissing() {
		return !this.serviceProvider && Boolean.FALSE.equals(this.blocked) && this.categoryExists;
	}

	/** The problems in plain words, or a confirmation when there are none. */
	public String summary() {
		List<String> problems = new ArrayList<>();
		if (!this.serviceProvider) {
			problems.add("'" + this.organisation + "' is not a registered service provider in Waldur (support staff "
					+ "can register it from the offering step)");
		}
		if (this.blocked == null) {
			problems.add("Waldur does not show the organisation '" + this.organisation + "' to the portal");
		}
		else if (this.blocked) {
			problems.add("Waldur has blocked or archived '" + this.organisation
					+ "', so it cannot offer services; ask Waldur's staff to unblock it");
		}
		if (!this.categoryExists) {
			problems.add("the chosen category does not exist in Waldur (creating one needs Waldur's staff); choose "
					+ "another");
		}
		return problems.isEmpty()
				? "'" + this.organisation + "' is a registered service provider, not blocked, and the category exists."
				: String.join("; ", problems) + ".";
	}

}
