package org.waldur.portal.onboarding;

/**
 * State of one step of one onboarding session.
 */
public enum StepStatus {

	/** Not applied yet; its inputs can still be edited. */
	TODO("To do"),

	/** A Waldur call for this step is running now. */
	RUNNING("Running"),

	/** Applied in Waldur (or found already done there); read-only from now on. */
	DONE("Done"),

	/**
	 * Waldur refused or could not be reached; inputs are kept and the step can be
	 * retried.
	 */
	FAILED("Failed"),

	/**
	 * The outcome of the last call is unknown (timeout, dropped connection, interrupted
	 * by a restart): the next run looks Waldur up before calling it again.
	 */
	NEEDS_RECONCILIATION("Result unknown: check Waldur");

	private final String label;

	StepStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
