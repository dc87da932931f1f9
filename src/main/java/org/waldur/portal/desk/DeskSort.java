package org.waldur.portal.desk;

import org.waldur.portal.onboarding.OnboardingDirectory;

/**
 * The columns the desk list may be sorted by, each one of onboarding's list orders
 * (indexed SQL; nothing a user types reaches the {@code order by} clause).
 */
public enum DeskSort {

	/** Last change, the default. */
	UPDATED(OnboardingDirectory.Order.UPDATED),

	/** Start of the onboarding. */
	CREATED(OnboardingDirectory.Order.CREATED),

	/** Offering name. */
	TITLE(OnboardingDirectory.Order.TITLE),

	/** Status, then last change. */
	STATUS(OnboardingDirectory.Order.STATUS);

	private final OnboardingDirectory.Order order;

	DeskSort(OnboardingDirectory.Order order) {
		this.order = order;
	}

	OnboardingDirectory.Order order() {
		return this.order;
	}

	/** The sort named {@code name} (case-insensitive), or {@link #UPDATED}. */
	public static DeskSort parse(String name) {
		for (DeskSort sort : values()) {
			if (sort.name().equalsIgnoreCase(name)) {
				return sort;
			}
		}
		return UPDATED;
	}

}
