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
				"Onboarding started"));
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
				"Inputs of step " + event.step() + " saved"));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.StepAttempted event) {
		this.log.record(session(AuditAction.STEP_ATTEMPTED, outcome(event.outcome().isSuccess()), event.actor(),
				event.sessionId(), "Step " + event.step() + " attempt " + event.attemptNo() + ": "
						+ event.outcome().label() + " — " + event.message()));
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
				"Every step is done"));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.Assigned event) {
		String note = event.note().isBlank() ? "" : ": " + event.note();
		this.log.record(session(AuditAction.SESSION_ASSIGNED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				"Assigned to " + event.assignee() + note));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.NoteAdded event) {
		this.log.record(session(AuditAction.SESSION_NOTE_ADDED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				"Note: " + event.note()));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.Abandoned event) {
		this.log.record(session(AuditAction.SESSION_ABANDONED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				"Abandoned: " + event.reason()));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.TokenRevealed event) {
		this.log.record(session(AuditAction.SECRET_REVEALED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.firstDisplay() ? "Service-account token shown (first display after it was fetched)"
						: "Service-account token revealed again"));
	}

	@EventListener
	@Transactional
	public void on(OnboardingEvents.TokenRefreshed event) {
		this.log.record(session(AuditAction.TOKEN_REFRESHED, outcome(event.outcome().isSuccess()), event.actor(),
				event.sessionId(), "Service-account token refresh: " + event.outcome().label()));
	}

	private static AuditOutcome outcome(boolean success) {
		return success ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
	}

}
