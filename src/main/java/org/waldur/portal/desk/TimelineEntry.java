package org.waldur.portal.desk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.StepAttempt;

/**
 * One line of a session's timeline: a step attempt or a note.
 *
 * @param at when it happened
 * @param attempt the step attempt, or {@code null} for a note
 * @param note the note, or {@code null} for an attempt
 */
public record TimelineEntry(Instant at, @Nullable StepAttempt attempt, @Nullable DeskNote note) {

	static TimelineEntry of(StepAttempt attempt) {
		return new TimelineEntry(attempt.getEndedAt(), attempt, null);
	}

	static TimelineEntry of(DeskNote note) {
		return new TimelineEntry(note.createdAt(), null, note);
	}

	/** {@code ATTEMPT} or the note's kind, for styling and tests. */
	public String kind() {
		return (this.note != null) ? this.note.kind().name() : "ATTEMPT";
	}

	/** The attempt's outcome name, or {@code null} for a note. */
	public @Nullable String outcome() {
		return (this.attempt != null) ? this.attempt.getOutcome().name() : null;
	}

}
