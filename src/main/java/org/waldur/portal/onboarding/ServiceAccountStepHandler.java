package org.waldur.portal.onboarding;

import java.util.Optional;

import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurUser;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.pending;
import static org.waldur.portal.onboarding.StepSupport.require;

/**
 * Creates the service account with the staff token, or adopts the one an earlier attempt
 * created.
 */
@Component
class ServiceAccountStepHandler implements StepHandler<WaldurUser> {

	private final WaldurClient waldur;

	ServiceAccountStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.SERVICE_ACCOUNT;
	}

	@Override
	public WaldurRequest<WaldurUser> call(StepRun run) {
		return WaldurCalls.createUser(WaldurRequests.user(require(run.account(), "service-account inputs")));
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		AccountInput input = require(run.account(), "service-account inputs");
		WaldurResult<Optional<WaldurUser>> found = this.waldur.findUserByUsername(input.username());
		calls.add(found.exchange());
		if (found.value().isPresent()) {
			WaldurUser user = found.value().get();
			if (run.reconcile() && input.email().equalsIgnoreCase(String.valueOf(user.email()))) {
				return calls.done(AttemptOutcome.RECONCILED,
						"The service account created by an earlier attempt was found in Waldur and adopted.",
						StepResult.UserRecorded.of(user));
			}
			return calls.decision("Waldur already has a user named '" + input.username()
					+ "'. Choose another username for the service account.");
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no user named '" + input.username() + "' yet");
		}
		WaldurResult<WaldurUser> created = this.waldur.send(call(run));
		calls.add(created.exchange());
		return calls.done(AttemptOutcome.SUCCEEDED, "Service account created in Waldur.",
				StepResult.UserRecorded.of(created.value()));
	}

}
