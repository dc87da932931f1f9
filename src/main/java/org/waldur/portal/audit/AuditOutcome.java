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
	DENIED

}
