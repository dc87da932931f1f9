package org.waldur.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asks the audit log to record; time, request id, client address and the
 * hash are added by {@link AuditLog}.
 *
 * @param action what happened
 * @param outcome how it ended
 * @param actor who acted; {@code null} means the signed-in user, or {@code system}
 * outside a request
 * @param targetType kind of the object acted on, such as {@code account} or
 * {@code session}
 * @param targetId identifier of that object
 * @param sessionId the onboarding session concerned, for per-session trails
 * @param detail a short description that must not contain secrets (token-looking values
 * are masked anyway)
 */
public record AuditRecord(AuditAction action, AuditOutcome outcome, @Nullable String actor, @Nullable String targetType,
		@Nullable String targetId, @Nullable Long sessionId, String detail) {

	/** Target type of onboarding sessions. */
	public static final String SESSION = "session";

	/** Target type of portal accounts. */
	public static final String ACCOUNT = "account";

	/** An entry about an onboarding session. */
	public static AuditRecord session(AuditAction action, AuditOutcome outcome, String actor, long sessionId,
			String detail) {
		return new AuditRecord(action, outcome, actor, SESSION, Long.toString(sessionId), sessionId, detail);
	}

	/** An entry about a portal account. */
	public static AuditRecord account(AuditAction action, AuditOutcome outcome, @Nullable String actor, String username,
			String detail) {
		return new AuditRecord(action, outcome, actor, ACCOUNT, username, null, detail);
	}

}
