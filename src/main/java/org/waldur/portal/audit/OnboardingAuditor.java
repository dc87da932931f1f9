package org.waldur.portal.audit;

import org.waldur.portal.onboarding.OnboardingEvents;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.waldur.portal.audit.AuditRecord.session;

/**
 * Records every onboarding event, in the transaction that published it.
 */
@Component
class OnboardingAuditor {

	private final AuditLog log;

	OnboardingAuditor(AuditLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.Started event) {
		this.log.record(session(AuditAction.SESSION_CREATED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + " started onboarding #" + event.sessionId()));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.DraftDeleted event) {
		this.log.record(session(AuditAction.DRAFT_DELETED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + " deleted draft onboarding #" + event.sessionId() + " '" + event.title()
						+ "'; nothing of it had reached Waldur"));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.InputsSaved event) {
		this.log.record(session(AuditAction.INPUTS_SAVED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + " saved the inputs of " + step(event.step()) + " of onboarding #" + event.sessionId()));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.StepAttempted event) {
		this.log.record(session(AuditAction.STEP_ATTEMPTED, outcome(event.outcome().isSuccess()), event.actor(),
				event.sessionId(),
				event.actor() + " ran " + step(event.step()) + " of onboarding #" + event.sessionId() + " (try "
						+ event.attemptNo() + "): " + event.outcome().label().toLowerCase(java.util.Locale.ROOT) + " — "
						+ event.message()));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.OfferingChosen event) {
		String left = event.leftInWaldur().isEmpty() ? "none" : String.join(", ", event.leftInWaldur());
		this.log.record(session(AuditAction.OFFERING_CHOSEN, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				"Kept offering " + event.offeringUuid() + " named '" + event.name() + "'; left in Waldur for clean-up: "
						+ left));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.Completed event) {
		this.log.record(session(AuditAction.SESSION_COMPLETED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				"Onboarding #" + event.sessionId() + " is complete: every step is done (last one by " + event.actor()
						+ ")"));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.Assigned event) {
		String note = event.note().isBlank() ? "" : ": " + event.note();
		this.log.record(session(AuditAction.SESSION_ASSIGNED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + " assigned onboarding #" + event.sessionId() + " to " + event.assignee() + note));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.Abandoned event) {
		this.log.record(session(AuditAction.SESSION_ABANDONED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + " abandoned onboarding #" + event.sessionId() + ": " + event.reason()));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.TokenRevealed event) {
		this.log.record(session(AuditAction.SECRET_REVEALED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + (event.firstDisplay()
						? " was shown the service-account token of onboarding #" + event.sessionId()
								+ " (its first showing after it was fetched)"
						: " was shown the service-account token of onboarding #" + event.sessionId() + " again")));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.TokenRefreshed event) {
		this.log.record(session(AuditAction.TOKEN_REFRESHED, outcome(event.outcome().isSuccess()), event.actor(),
				event.sessionId(), event.actor() + " refreshed the service-account token of onboarding #"
						+ event.sessionId() + ": " + event.outcome().label().toLowerCase(java.util.Locale.ROOT)));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.AttemptBodiesRemoved event) {
		this.log.record(new AuditRecord(AuditAction.RETENTION_APPLIED, AuditOutcome.SUCCESS, AuditContext.SYSTEM,
				"step_attempt", null, null,
				"Request and response bodies removed from " + event.attempts() + " step attempt(s) that ended before "
						+ event.cutoff() + " (older than " + event.days() + " days)"));
	}

	/**
	 * A step in words, its code kept in the entry's action for filtering: "step 4,
	 * Service account".
	 */
	private static String step(org.waldur.portal.onboarding.OnboardingStep step) {
		return step.inWizard() ? "step " + step.number() + ", " + step.title() + ","
				: "the " + step.title().toLowerCase(java.util.Locale.ROOT) + " step";
	}

	private static AuditOutcome outcome(boolean success) {
		return success ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
	}

}
