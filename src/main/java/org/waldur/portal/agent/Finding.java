package org.waldur.portal.agent;

/**
 * What one check found, before it is recorded.
 *
 * @param check which check
 * @param outcome how it ended
 * @param detail what was found, for the operator; never the token
 */
record Finding(HandoverCheck check, CheckOutcome outcome, String detail) {

	static Finding passed(HandoverCheck check, String detail) {
		return new Finding(check, CheckOutcome.PASSED, detail);
	}

	static Finding warning(HandoverCheck check, String detail) {
		return new Finding(check, CheckOutcome.WARNING, detail);
	}

	static Finding failed(HandoverCheck check, String detail) {
		return new Finding(check, CheckOutcome.FAILED, detail);
	}

}
