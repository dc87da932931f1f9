package org.waldur.portal.onboarding;

/**
 * Events published in the same transaction as the change they describe, for the audit
 * log.
 */
public final class OnboardingEvents {

	private OnboardingEvents() {
	}

	/** A new onboarding was started. */
	public record Started(long sessionId, String actor) {
	}

	/** The inputs of a step were saved. */
	public record InputsSaved(long sessionId, OnboardingStep step, String actor) {
	}

	/** A step attempt ended. */
	public record StepAttempted(long sessionId, OnboardingStep step, int attemptNo, AttemptOutcome outcome,
			String actor, String message) {
	}

	/**
	 * Support chose which of several same-named offerings in Waldur the onboarding keeps;
	 * the others are left in Waldur.
	 */
	public record OfferingChosen(long sessionId, String actor, String offeringUuid, String name,
			java.util.List<String> leftInWaldur) {

		public OfferingChosen {
			leftInWaldur = java.util.List.copyOf(leftInWaldur);
		}

	}

	/** Every step is done. */
	public record Completed(long sessionId, String actor) {
	}

	/** The onboarding was handed to someone. */
	public record Assigned(long sessionId, String assignee, String actor, String note) {
	}

	/**
	 * A draft was deleted: nothing of it had reached Waldur. Published before its rows
	 * go, so that modules holding rows of it remove them in the same transaction.
	 */
	public record DraftDeleted(long sessionId, String actor, String title) {
	}

	/** The onboarding was given up. */
	public record Abandoned(long sessionId, String actor, String reason) {
	}

	/** The service-account token was shown to someone. */
	public record TokenRevealed(long sessionId, String actor, boolean firstDisplay) {
	}

	/** The service-account token was replaced in Waldur. */
	public record TokenRefreshed(long sessionId, String actor, AttemptOutcome outcome) {
	}

	/**
	 * The retention job removed the request and response bodies of step attempts that
	 * ended before {@code cutoff}.
	 *
	 * @param attempts how many attempts lost their bodies
	 * @param cutoff attempts that ended before it were cleaned
	 * @param days the retention period it was computed from
	 */
	public record AttemptBodiesRemoved(int attempts, java.time.Instant cutoff, int days) {
	}

}
