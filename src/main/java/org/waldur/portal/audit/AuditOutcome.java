package org.waldur.portal.audit;

/**
 * How the audited action ended.
 */
public enum AuditOutcome {

	/** The action was carried out. */
	SUCCESS,

	/** The action was tried and failed (wrong password, Waldur refused or was down). */
	FAILURE,

	/** The action was refused because the actor may not do it (locked account). */
	DENIED;

	/** Whether the action was carried out. */
	public boolean isSuccess() {
		return this == SUCCESS;
	}

	/** Whether the action was refused because the actor may not do it. */
	public boolean isDenied() {
		return this == DENIED;
	}

}
