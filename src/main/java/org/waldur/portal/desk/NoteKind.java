package org.waldur.portal.desk;

/**
 * What a note in a session's timeline records.
 */
public enum NoteKind {

	/** The onboarding was assigned to someone, possibly the author. */
	HANDOVER("Hand-over"),

	/** A remark by support staff or the operator. */
	NOTE("Note"),

	/** The onboarding was given up; the note is the reason. */
	ABANDON("Abandoned");

	private final String label;

	NoteKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
