package org.waldur.portal.onboarding;

import org.waldur.portal.waldur.WaldurRequest;

/**
 * One step of an onboarding against Waldur: its change call, defined once for the preview
 * the user confirms and for the run that sends it, and the run itself, which looks Waldur
 * up first where the step creates something, so that a retry after an unknown outcome
 * adopts what an earlier attempt created instead of creating it twice. Errors propagate
 * as the Waldur client's exceptions; the caller records them.
 *
 * @param <T> the type of Waldur's answer to the change call
 */
interface StepHandler<T> {

	/** The step this handler runs. */
	OnboardingStep step();

	/**
	 * The change call of the step, built from the run (a preview's or a real one's).
	 * @throws StepNotRunnableException when inputs or earlier results are missing
	 * @throws IllegalArgumentException when an input cannot be sent as it is
	 */
	WaldurRequest<T> call(StepRun run);

	/**
	 * Runs the step.
	 * @param calls collects every exchange made, also when an exception ends the run
	 */
	StepOutcome execute(StepRun run, StepOutcome.Builder calls);

}
