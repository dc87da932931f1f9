package org.waldur.portal.onboarding;

import java.util.Objects;

import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.OfferingState;
import org.waldur.portal.waldur.OfferingStateChange;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.found;
import static org.waldur.portal.onboarding.StepSupport.pending;
import static org.waldur.portal.onboarding.StepSupport.require;

/** Activates the offering with the staff token, unless Waldur has it active already. */
@Component
class ActivationStepHandler implements StepHandler<OfferingStateChange> {

	private final WaldurClient waldur;

	ActivationStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.ACTIVATION;
	}

	@Override
	public WaldurRequest<OfferingStateChange> call(StepRun run) {
		return WaldurCalls.activateOffering(require(run.offeringUuid(), "offering"));
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		String uuid = require(run.offeringUuid(), "offering");
		WaldurResult<Offering> current = this.waldur.getOffering(WaldurCredential.staff(), uuid);
		calls.add(current.exchange());
		if (current.value().active()) {
			return calls.done(found(run), "The offering is already Active in Waldur.",
					new StepResult.OfferingActivated(OfferingState.ACTIVE.value()));
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "the offering " + current.value().state());
		}
		WaldurResult<OfferingStateChange> activated = this.waldur.send(call(run));
		calls.add(activated.exchange());
		String state = Objects.requireNonNullElse(activated.value().state(), OfferingState.ACTIVE.value());
		return calls.done(AttemptOutcome.SUCCEEDED, "Offering activated: it is now " + state + ".",
				new StepResult.OfferingActivated(state));
	}

}
