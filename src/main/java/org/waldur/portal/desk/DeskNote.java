package org.waldur.portal.desk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A hand-over, note or abandon reason of an onboarding; never changed once written.
 *
 * @param id note id
 * @param sessionId the onboarding
 * @param kind what it records
 * @param author who wrote it
 * @param assignee who the onboarding was handed to, for a hand-over
 * @param note the text (may be empty for a hand-over)
 * @param createdAt when
 */
public record DeskNote(long id, long sessionId, NoteKind kind, String author, @Nullable String assignee, String note,
		Instant createdAt) {
}
