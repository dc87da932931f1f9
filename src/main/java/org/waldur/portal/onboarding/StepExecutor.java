package org.waldur.portal.onboarding;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurRequestPreview;

import org.springframework.stereotype.Component;

/**
 * Runs one step against Waldur through its {@link StepHandler}, and previews the change
 * call the handler defines, which is the one a run sends.
 */
@Component
class StepExecutor {

	private final Map<OnboardingStep, StepHandler<?>> handlers = new EnumMap<>(OnboardingStep.class);

	private final WaldurClient waldur;

	private final OfferingStepHandler offering;

	StepExecutor(List<StepHandler<?>> handlers, OfferingStepHandler offering, WaldurClient waldur) {
		for (StepHandler<?> handler : handlers) {
			if (this.handlers.put(handler.step(), handler) != null) {
				throw new IllegalStateException("More than one handler for the step " + handler.step());
			}
		}
		for (OnboardingStep step : OnboardingStep.values()) {
			if (!this.handlers.containsKey(step)) {
				throw new IllegalStateException("No handler for the step " + step);
			}
		}
		this.offering = offering;
		this.waldur = waldur;
	}

	/**
	 * Runs {@code step} for the given snapshot of a session.
	 * @param calls collects every exchange made, also when an exception ends the run
	 */
	StepOutcome execute(OnboardingStep step, StepRun run, StepOutcome.Builder calls) {
		return this.handlers.get(step).execute(run, calls);
	}

	/**
	 * The change call of {@code step}, as it would be sent; empty when inputs are
	 * missing.
	 */
	Optional<WaldurRequestPreview> preview(OnboardingStep step, StepRun run) {
		try {
			return Optional.of(this.waldur.preview(this.handlers.get(step).call(run)));
		}
		catch (StepNotRunnableException | IllegalArgumentException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	/** See {@link OfferingStepHandler#prerequisites}. */
	Prerequisites prerequisites(OfferingInput input, StepOutcome.Builder calls) {
		return this.offering.prerequisites(input, calls);
	}

	/** See {@link OfferingStepHandler#chosen}. */
	StepOutcome chosen(StepRun run, String uuid, StepOutcome.Builder calls) {
		return this.offering.chosen(run, uuid, calls);
	}

}
