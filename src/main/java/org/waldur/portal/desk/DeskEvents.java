package org.waldur.portal.desk;

/**
 * Events the support desk publishes in the same transaction as the change they describe,
 * for the audit log.
 */
public final class DeskEvents {

	private DeskEvents() {
	}

	/** Someone added a note to the onboarding's timeline. */
	public record NoteAdded(long sessionId, String actor, String note) {
	}

}
