package org.waldur.portal.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.waldur.portal.waldur.WaldurExchange;

/**
 * What one run of a step produced: its outcome, the message for the user, the Waldur
 * exchanges (look-ups first, the decisive call last) and the change to the session.
 *
 * @param outcome how the attempt ended
 * @param message what the user is told
 * @param exchanges the Waldur calls made, in order
 * @param fieldErrors Waldur's messages per field, for a rejected request
 * @param result what to record on the session; applied in the same transaction as the
 * attempt
 * @param needsDecision whether a person must decide before the step can go on
 */
record StepOutcome(AttemptOutcome outcome, String message, List<WaldurExchange> exchanges,
		Map<String, List<String>> fieldErrors, StepResult result, boolean needsDecision) {

	/** An outcome that records nothing on the session, such as a failure. */
	static StepOutcome unchanged(AttemptOutcome outcome, String message, List<WaldurExchange> exchanges,
			Map<String, List<String>> fieldErrors) {
		return new StepOutcome(outcome, message, exchanges, fieldErrors, StepResult.UNCHANGED, false);
	}

	static Builder calls() {
		return new Builder();
	}

	/** Collects the exchanges of a run as it goes. */
	static final class Builder {

		private final List<WaldurExchange> exchanges = new ArrayList<>();

		Builder add(WaldurExchange exchange) {
			this.exchanges.add(exchange);
			return this;
		}

		List<WaldurExchange> exchanges() {
			return List.copyOf(this.exchanges);
		}

		StepOutcome done(AttemptOutcome outcome, String message, StepResult result) {
			return new StepOutcome(outcome, message, exchanges(), Map.of(), result, false);
		}

		StepOutcome decision(String message) {
			return decision(message, StepResult.UNCHANGED);
		}

		/** A stop for a person, with what to record for the decision. */
		StepOutcome decision(String message, StepResult result) {
			return new StepOutcome(AttemptOutcome.FAILED, message, exchanges(), Map.of(), result, true);
		}

	}

}
