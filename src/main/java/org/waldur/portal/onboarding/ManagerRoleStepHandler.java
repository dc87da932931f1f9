package org.waldur.portal.onboarding;

import java.util.List;

import org.waldur.portal.waldur.OfferingUserRole;
import org.waldur.portal.waldur.RoleGrant;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurRole;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.found;
import static org.waldur.portal.onboarding.StepSupport.pending;
import static org.waldur.portal.onboarding.StepSupport.require;

/** Grants the service account OFFERING.MANAGER on the offering, unless it holds it. */
@Component
class ManagerRoleStepHandler implements StepHandler<RoleGrant> {

	static final WaldurRole MANAGER_ROLE = WaldurRole.OFFERING_MANAGER;

	private final WaldurClient waldur;

	ManagerRoleStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.MANAGER_ROLE;
	}

	@Override
	public WaldurRequest<RoleGrant> call(StepRun run) {
		return WaldurCalls.addOfferingUser(run.credentialKind(), require(run.offeringUuid(), "offering"),
				require(run.userUuid(), "service account"), MANAGER_ROLE);
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		String offering = require(run.offeringUuid(), "offering");
		String user = require(run.userUuid(), "service account");
		WaldurResult<List<OfferingUserRole>> roles = this.waldur.listOfferingUsers(run.credential(), offering, user,
				MANAGER_ROLE);
		calls.add(roles.exchange());
		boolean granted = roles.value()
			.stream()
			.anyMatch((role) -> user.equals(role.userUuid()) && MANAGER_ROLE.value().equals(role.roleName()));
		if (granted) {
			return calls.done(found(run), "The service account already holds OFFERING.MANAGER on the offering.",
					new StepResult.RoleGranted());
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no OFFERING.MANAGER role yet");
		}
		calls.add(this.waldur.send(call(run), run.credential()).exchange());
		return calls.done(AttemptOutcome.SUCCEEDED, "OFFERING.MANAGER granted to the service account.",
				new StepResult.RoleGranted());
	}

}
