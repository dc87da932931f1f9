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

}
