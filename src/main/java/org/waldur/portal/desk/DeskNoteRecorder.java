package org.waldur.portal.desk;

import java.time.Clock;

import org.waldur.portal.onboarding.OnboardingEvents;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes hand-overs and abandon reasons into the timeline, in the transaction of the
 * change that publishes them.
 */
@Component
class DeskNoteRecorder {

	private final DeskNotes notes;

	private final Clock clock;

	DeskNoteRecorder(DeskNotes notes, Clock clock) {
		this.notes = notes;
		this.clock = clock;
	}

	@EventListener
	void on(OnboardingEvents.Assigned event) {
		this.notes.add(event.sessionId(), NoteKind.HANDOVER, event.actor(), event.assignee(), event.note(),
				this.clock.instant());
	}

	@EventListener
	void on(OnboardingEvents.DraftDeleted event) {
		this.notes.removeOfDeletedDraft(event.sessionId());
	}

	@EventListener
	void on(OnboardingEvents.Abandoned event) {
		this.notes.add(event.sessionId(), NoteKind.ABANDON, event.actor(), null, event.reason(), this.clock.instant());
	}

}
