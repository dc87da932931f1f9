package org.waldur.portal.onboarding;

import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/** What the step handlers share: required inputs and the "may still land" answer. */
final class StepSupport {

	private StepSupport() {
	}

	static <T> T require(@Nullable T value, String what) {
		if (value == null) {
			throw new StepNotRunnableException("This step needs the " + what + " from an earlier step.");
		}
		return value;
	}

	/** A check that found nothing while the earlier request may still land. */
	static StepOutcome pending(StepRun run, StepOutcome.Builder calls, String found) {
		return calls.done(AttemptOutcome.PENDING,
				"Waldur may still be processing the last request (the look-up found " + found
						+ "). Checking is possible, sending again is not: nothing was sent. Check again "
						+ settleHint(run) + ".",
				StepResult.UNCHANGED);
	}

	static String settleHint(StepRun run) {
		return (run.settlesAt() != null) ? "after " + run.settlesAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC)"
				: "in a moment";
	}

	/** Outcome for a look-up that found the step done: reconciled or already done. */
	static AttemptOutcome found(StepRun run) {
		return run.reconcile() ? AttemptOutcome.RECONCILED : AttemptOutcome.ALREADY_DONE;
	}

}
