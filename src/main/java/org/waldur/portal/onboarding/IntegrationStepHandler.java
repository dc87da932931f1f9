package org.waldur.portal.onboarding;

import java.util.List;

import org.waldur.portal.waldur.NoContent;
import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.PluginOptions;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurVersion;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.pending;
import static org.waldur.portal.onboarding.StepSupport.require;

/**
 * Sets the offering's integration options, built for the Waldur version the portal talks
 * to, and reads them back to say what Waldur stored.
 */
@Component
class IntegrationStepHandler implements StepHandler<NoContent> {

	private final WaldurClient waldur;

	IntegrationStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.INTEGRATION;
	}

	@Override
	public WaldurRequest<NoContent> call(StepRun run) {
		return WaldurCalls.updateIntegration(run.credentialKind(), require(run.offeringUuid(), "offering"),
				options(run));
	}

	private static PluginOptions options(StepRun run) {
		return WaldurRequests.pluginOptions(require(run.integration(), "integration options"), run.waldur());
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		IntegrationInput input = require(run.integration(), "integration options");
		String offering = require(run.offeringUuid(), "offering");
		PluginOptions options = options(run);
		if (run.reconcile()) {
			WaldurResult<Offering> current = this.waldur.getOffering(run.credential(), offering);
			calls.add(current.exchange());
			if (this.waldur.holdsIntegration(current.value(), options)) {
				return calls.done(AttemptOutcome.RECONCILED,
						"Waldur already holds these integration options: the earlier request was applied. "
								+ stored(current.value(), options, input, run.waldur()),
						new StepResult.IntegrationSet());
			}
			if (run.settling()) {
				return pending(run, calls, "other integration options");
			}
		}
		calls.add(this.waldur.send(call(run), run.credential()).exchange());
		return calls.done(AttemptOutcome.SUCCEEDED,
				"Integration options saved in Waldur. " + readBack(run, offering, options, calls),
				new StepResult.IntegrationSet());
	}

	/**
	 * Reads the offering back after the update and says what Waldur stored, so that an
	 * option Waldur dropped shows as not stored. A failed read does not undo the update.
	 */
	private String readBack(StepRun run, String offering, PluginOptions options, StepOutcome.Builder calls) {
		try {
			WaldurResult<Offering> current = this.waldur.getOffering(run.credential(), offering);
			calls.add(current.exchange());
			return stored(current.value(), options, require(run.integration(), "integration options"), run.waldur());
		}
		catch (WaldurException ex) {
			calls.add(ex.exchange());
			return "Reading the offering back failed (" + ex.getMessage()
					+ "), so what Waldur stored is not confirmed; check the offering in Waldur.";
		}
	}

	private String stored(Offering offering, PluginOptions options, IntegrationInput input, WaldurVersion waldur) {
		List<String> missing = this.waldur.notHeld(offering, options);
		boolean numbersEntered = input.initialUidnumber() != null || input.initialPrimarygroupNumber() != null
				|| input.initialUsergroupNumber() != null;
		String omitted = (waldur.dropsUidNumbers() && numbersEntered)
				? " Not sent, because Waldur " + waldur.label() + " no longer has them: initial_uidnumber, "
						+ "initial_primarygroup_number, initial_usergroup_number (POSIX ID pools replace them)."
				: "";
		if (missing.isEmpty()) {
			return "Read back from Waldur: every option sent is stored as sent." + omitted;
		}
		return "Read back from Waldur: NOT stored as sent: " + String.join(", ", missing) + " (Waldur " + waldur.label()
				+ " dropped or changed them)." + omitted;
	}

}
