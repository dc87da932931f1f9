package org.waldur.portal.onboarding;

import org.waldur.portal.waldur.UserAuthToken;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.require;

/** Fetches the service account's token with the staff token; it is shown once. */
@Component
class TokenStepHandler implements StepHandler<UserAuthToken> {

	private final WaldurClient waldur;

	TokenStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.TOKEN;
	}

	@Override
	public WaldurRequest<UserAuthToken> call(StepRun run) {
		return WaldurCalls.getToken(require(run.userUuid(), "service account"));
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		WaldurResult<UserAuthToken> result = this.waldur.send(call(run));
		calls.add(result.exchange());
		return calls.done(AttemptOutcome.SUCCEEDED,
				"Token fetched and stored encrypted; show it once from the summary (Show the token).",
				StepResult.TokenReceived.of(result.value()));
	}

}
