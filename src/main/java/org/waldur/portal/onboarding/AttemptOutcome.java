package org.waldur.portal.onboarding;

/**
 * How one attempt of a step ended.
 */
public enum AttemptOutcome {

	/** Waldur did what was asked. */
	SUCCEEDED("Succeeded", true),

	/** Waldur refused the request (4xx); its message is shown on the step. */
	REJECTED("Rejected by Waldur", false),

	/**
	 * Waldur was unavailable or answered unexpectedly; nothing changed as far as is
	 * known.
	 */
	FAILED("Failed", false),

	/**
	 * The request may or may not have been applied; the next attempt reconciles first.
	 */
	OUTCOME_UNKNOWN("Outcome unknown", false),

	/** A look-up showed that Waldur already had the result; no change was sent. */
	ALREADY_DONE("Already done in Waldur", true),

	/** A look-up after an unknown outcome found the result and adopted it. */
	RECONCILED("Reconciled", true),

	/**
	 * A look-up found nothing yet while an earlier request may still be in flight;
	 * nothing was sent.
	 */
	PENDING("Waldur may still be processing", false),

	/**
	 * A check after a failure or an unknown outcome showed that Waldur did not apply the
	 * earlier request; the step can be sent again.
	 */
	NOT_APPLIED("Not applied in Waldur", false);

	private final String label;

	private final boolean success;

	AttemptOutcome(String label, boolean success) {
		this.label = label;
		this.success = success;
	}

	public String label() {
		return this.label;
	}

	/** Whether the step is done after this outcome. */
	public boolean isSuccess() {
		return this.success;
	}

}
