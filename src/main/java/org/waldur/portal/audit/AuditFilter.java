package org.waldur.portal.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to show or export; {@code null} fields do not filter.
 *
 * @param actor exactly this actor
 * @param action this action
 * @param sessionId entries about this onboarding session
 * @param from at or after this instant
 * @param to before this instant
 * @param outcome this outcome
 */
public record AuditFilter(@Nullable String actor, @Nullable AuditAction action, @Nullable Long sessionId,
		@Nullable Instant from, @Nullable Instant to, @Nullable AuditOutcome outcome) {

	/** No filter: every entry. */
	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null, null, null);
	}

	/** Every entry of one actor. */
	public static AuditFilter byActor(String actor) {
		return new AuditFilter(actor, null, null, null, null, null);
	}

}
