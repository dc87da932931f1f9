package org.waldur.portal.agent;

import java.time.Instant;

/**
 * The recorded result of one hand-over check.
 *
 * @param check which check
 * @param outcome how it ended
 * @param detail what was found, for the operator
 * @param checkedAt when it ran
 * @param actor who ran it
 */
public record CheckResult(HandoverCheck check, CheckOutcome outcome, String detail, Instant checkedAt, String actor) {

	/** Whether the check passed, possibly with a warning. */
	public boolean passed() {
		return this.outcome.passed();
	}

	/** Whether the check passed with a warning. */
	public boolean warning() {
		return this.outcome == CheckOutcome.WARNING;
	}

}
