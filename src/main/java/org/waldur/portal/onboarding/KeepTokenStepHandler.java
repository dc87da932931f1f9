package org.waldur.portal.onboarding;

import java.util.Objects;

import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurUser;
import org.waldur.portal.waldur.WaldurUuid;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.require;

/**
 * Sets the token lifetime as the service account itself (Waldur drops the field from
 * anyone else's request and still answers 200), then reads it back with the same token:
 * the step succeeds only when Waldur reports the chosen lifetime.
 */
@Component
class KeepTokenStepHandler implements StepHandler<WaldurUser> {

	private final WaldurClient waldur;

	KeepTokenStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.KEEP_TOKEN;
	}

	@Override
	public WaldurRequest<WaldurUser> call(StepRun run) {
		return WaldurCalls.setTokenLifetime(run.credentialKind(), require(run.userUuid(), "service account"),
				run.keepTokenSeconds());
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		String user = require(run.userUuid(), "service account");
		Integer wanted = run.keepTokenSeconds();
		calls.add(this.waldur.send(call(run), run.credential()).exchange());
		WaldurResult<WaldurUser> me = this.waldur.currentUser(run.credential());
		calls.add(me.exchange());
		Integer reported = me.value().tokenLifetime();
		if (!WaldurUuid.same(user, me.value().uuid())) {
			return calls.done(AttemptOutcome.FAILED,
					"The token the portal holds belongs to '" + me.value().username()
							+ "', not to the service account: nothing was changed for the service account. Refresh its "
							+ "token on the summary page, then run this step again.",
					StepResult.UNCHANGED);
		}
		if (!Objects.equals(wanted, reported)) {
			return calls.done(AttemptOutcome.FAILED, "Waldur accepted the request but still reports "
					+ TokenLifetimes.describe(reported) + " instead of " + TokenLifetimes.describe(wanted)
					+ ": the change did not take. Only the service account itself may change its lifetime; check "
					+ "that the request went with its token, then try again.",
					new StepResult.TokenLifetimeReported(reported));
		}
		return calls.done(AttemptOutcome.SUCCEEDED,
				"Waldur now reports that the service account's token " + TokenLifetimes.describe(reported) + ".",
				new StepResult.TokenLifetimeReported(reported));
	}

}
