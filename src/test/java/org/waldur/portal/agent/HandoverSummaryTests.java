package org.waldur.portal.agent;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence after a run of the hand-over checks says what the checklist shows: a
 * warning is not hidden behind "all passed".
 */
class HandoverSummaryTests {

	private static CheckResult result(HandoverCheck check, CheckOutcome outcome) {
		return new CheckResult(check, outcome, "detail", Instant.EPOCH, "operator");
	}

	@Test
	void allCleanIsAllPassed() {
		assertThat(HandoverStatus.summary(List.of(result(HandoverCheck.values()[0], CheckOutcome.PASSED),
				result(HandoverCheck.values()[1], CheckOutcome.PASSED))))
			.isEqualTo("All checks passed.");
	}

	@Test
	void aWarningIsNamed() {
		assertThat(HandoverStatus.summary(List.of(result(HandoverCheck.values()[0], CheckOutcome.PASSED),
				result(HandoverCheck.values()[1], CheckOutcome.WARNING))))
			.isEqualTo("All checks passed, 1 with a warning: see the checklist.");
	}

	@Test
	void aFailureCountsTheFailedOnes() {
		assertThat(HandoverStatus.summary(List.of(result(HandoverCheck.values()[0], CheckOutcome.FAILED),
				result(HandoverCheck.values()[1], CheckOutcome.WARNING))))
			.isEqualTo("1 of 2 checks failed.");
	}

}
