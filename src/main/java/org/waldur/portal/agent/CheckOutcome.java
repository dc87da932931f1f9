package org.waldur.portal.agent;

/**
 * How a hand-over check ended.
 */
public enum CheckOutcome {

	/** The condition holds. */
	PASSED,

	/** The condition holds, but something needs the operator's attention. */
	WARNING,

	/** The condition does not hold: the agent would not work. */
	FAILED;

	/** Whether the agent can work with this outcome (passed, possibly with a warning). */
	public boolean passed() {
		return this != FAILED;
	}

	/** Whether the condition holds with nothing to look at. */
	public boolean isClean() {
		return this == PASSED;
	}

	/** Whether the condition holds but needs the operator's attention. */
	public boolean isWarning() {
		return this == WARNING;
	}

	/** Whether the condition does not hold. */
	public boolean isFailed() {
		return this == FAILED;
	}

}
