package org.waldur.portal.onboarding;

/**
 * Where an onboarding session stands as a whole.
 */
public enum OnboardingStatus {

	/** Created; no step has been applied in Waldur yet. */
	DRAFT("Draft"),

	/** At least one step is applied in Waldur and the onboarding is not finished. */
	IN_PROGRESS("In progress"),

	/** A step failed or its outcome is unknown; someone has to retry or reconcile it. */
	NEEDS_ATTENTION("Needs attention"),

	/**
	 * Every step is done: the offering is active and the service account has its token.
	 */
	COMPLETED("Completed"),

	/** Given up with a reason; nothing was deleted in Waldur. */
	ABANDONED("Abandoned");

	private final String label;

	OnboardingStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the session can still change: not completed and not abandoned. */
	public boolean isOpen() {
		return this != COMPLETED && this != ABANDONED;
	}

	/** Whether a step failed or its outcome is unknown: support should look at it. */
	public boolean isNeedingAttention() {
		return this == NEEDS_ATTENTION;
	}

	/** Whether every step is done. */
	public boolean isCompleted() {
		return this == COMPLETED;
	}

}
