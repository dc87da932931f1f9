package org.waldur.portal.audit;

import org.waldur.portal.desk.DeskEvents;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.waldur.portal.audit.AuditRecord.session;

/**
 * Records the support desk's own events, in the transaction that published them (the
 * desk's hand-overs and abandons are onboarding's events, see {@link OnboardingAuditor}).
 */
@Component
class DeskAuditor {

	private final AuditLog log;

	DeskAuditor(AuditLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional
	public void on(DeskEvents.NoteAdded event) {
		this.log.record(session(AuditAction.SESSION_NOTE_ADDED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				event.actor() + " added a note to onboarding #" + event.sessionId() + ": " + event.note()));
	}

}
