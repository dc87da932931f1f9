package org.waldur.portal.audit;

/**
 * What an audit entry records.
 */
public enum AuditAction {

	/** Someone signed in, or tried to (the username tried is the actor). */
	SIGN_IN,

	/** Someone signed out. */
	SIGN_OUT,

	/** The site agent hand-over checks were run. */
	AGENT_CHECKS_RUN,

	/** A site agent configuration without the token was downloaded. */
	AGENT_CONFIG_DOWNLOADED,

	/** In sandbox mode, the site agent's first start was simulated. */
	AGENT_START_SIMULATED,

	/** A portal account was created. */
	ACCOUNT_CREATED,

	/** The roles of a portal account were replaced. */
	ROLES_CHANGED,

	/** An administrator set a new password for an account. */
	PASSWORD_RESET,

	/** An account was enabled. */
	ACCOUNT_ENABLED,

	/** An account was disabled. */
	ACCOUNT_DISABLED,

	/** An account was locked after too many failed sign-ins. */
	ACCOUNT_LOCKED,

	/** A locked account was unlocked by an administrator. */
	ACCOUNT_UNLOCKED,

	/** An onboarding session was started. */
	SESSION_CREATED,

	/** A draft onboarding that had sent nothing to Waldur was deleted. */
	DRAFT_DELETED,

	/** The inputs of an onboarding step were saved. */
	INPUTS_SAVED,

	/** An onboarding session was handed to someone. */
	SESSION_ASSIGNED,

	/** Someone added a note to an onboarding's timeline. */
	SESSION_NOTE_ADDED,

	/** An onboarding session was given up. */
	SESSION_ABANDONED,

	/** Every step of an onboarding session is done. */
	SESSION_COMPLETED,

	/** One attempt of an onboarding step ended. */
	STEP_ATTEMPTED,

	/**
	 * Support chose which of several same-named offerings in Waldur an onboarding keeps.
	 */
	OFFERING_CHOSEN,

	/** The service-account token was shown to someone. */
	SECRET_REVEALED,

	/** The service-account token was replaced in Waldur. */
	TOKEN_REFRESHED,

	/** A fault was added to the built-in sandbox. */
	SANDBOX_FAULT_ADDED,

	/** The faults of the built-in sandbox were cleared. */
	SANDBOX_FAULTS_CLEARED,

	/** The retention job removed old request and response bodies of step attempts. */
	RETENTION_APPLIED,

	/** Someone checked the integrity of the audit log's hash chain. */
	INTEGRITY_CHECKED,

	/** Someone exported audit entries. */
	AUDIT_EXPORTED,

	/** Someone exported a signed checkpoint of the head of the audit chain. */
	CHECKPOINT_EXPORTED,

	/**
	 * An account created a personal API token (its name is recorded, never the token).
	 */
	API_TOKEN_CREATED,

	/** An account revoked one of its API tokens. */
	API_TOKEN_REVOKED,

	/** A stored API token was refused: revoked, expired, or its account disabled. */
	API_TOKEN_REFUSED,

	/** The automation API answered a call made with an API token. */
	API_CALL

}
