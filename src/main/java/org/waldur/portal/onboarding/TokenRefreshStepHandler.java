package org.waldur.portal.onboarding;

import org.waldur.portal.waldur.UserAuthToken;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurUser;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.require;
import static org.waldur.portal.onboarding.StepSupport.settleHint;

/**
 * Replaces the service account's token (the old one stops working at once) and checks
 * that the new one authenticates; after a refresh that failed or whose outcome is
 * unknown, compares the token Waldur holds with the portal's instead.
 */
@Component
class TokenRefreshStepHandler implements StepHandler<UserAuthToken> {

	private final WaldurClient waldur;

	TokenRefreshStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.TOKEN_REFRESH;
	}

	@Override
	public WaldurRequest<UserAuthToken> call(StepRun run) {
		return WaldurCalls.refreshToken(require(run.userUuid(), "service account"));
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		return run.reconcile() ? checkRefresh(run, calls) : refresh(run, calls);
	}

	private StepOutcome refresh(StepRun run, StepOutcome.Builder calls) {
		WaldurResult<UserAuthToken> result = this.waldur.send(call(run));
		calls.add(result.exchange());
		String token = result.value().token().value();
		return verified(token, calls, AttemptOutcome.SUCCEEDED,
				"Waldur issued a new token and it works; the previous one no longer does. "
						+ "Update the site agent's configuration now.",
				StepResult.TokenReceived.of(result.value()));
	}

	/**
	 * Compares the token Waldur holds with the portal's. A different one means the
	 * refresh was applied (it is adopted); the same one, once nothing can be in flight
	 * any more, means it was not, and a new refresh may be confirmed.
	 */
	private StepOutcome checkRefresh(StepRun run, StepOutcome.Builder calls) {
		WaldurResult<UserAuthToken> current = this.waldur
			.send(WaldurCalls.getToken(require(run.userUuid(), "service account")));
		calls.add(current.exchange());
		String held = run.heldToken();
		String waldurs = current.value().token().value();
		boolean same = held != null && held.equals(waldurs);
		if (same && run.settling()) {
			// The same token proves nothing yet: the refresh may still land.
			return calls.done(AttemptOutcome.PENDING,
					"Waldur may still be processing the last refresh: it still "
							+ "holds the portal's token, but the refresh can still land. Nothing was sent. Check again "
							+ settleHint(run) + ".",
					StepResult.UNCHANGED);
		}
		if (same) {
			return verified(held, calls, AttemptOutcome.NOT_APPLIED,
					"The last refresh was not applied: Waldur still holds the token the portal has, and it works. "
							+ "Refresh again if a new token is still needed.",
					StepResult.UNCHANGED);
		}
		return verified(waldurs, calls, AttemptOutcome.RECONCILED,
				"The last refresh was applied: Waldur holds a new token, now stored in the portal. The previous one "
						+ "no longer works. Update the site agent's configuration now.",
				StepResult.TokenReceived.of(current.value()));
	}

	/**
	 * Ends a token run by checking that the token authenticates as the service account,
	 * with that token itself.
	 */
	private StepOutcome verified(String token, StepOutcome.Builder calls, AttemptOutcome outcome, String message,
			StepResult result) {
		try {
			WaldurResult<WaldurUser> me = this.waldur.currentUser(WaldurCredential.serviceAccount(token));
			calls.add(me.exchange());
		}
		catch (WaldurException ex) {
			calls.add(ex.exchange());
			return calls.done(AttemptOutcome.FAILED, "The token was stored, but checking it against Waldur failed: "
					+ ex.getMessage() + " Check the token again from the hand-over page.", result);
		}
		return calls.done(outcome, message, result);
	}

}
