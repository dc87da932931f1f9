package org.waldur.portal.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything recorded about one onboarding session: its audit entries and its step
 * attempts, oldest first.
 *
 * @param sessionId the session
 * @param title its title, or {@code null} if the session row is gone
 * @param status its status
 * @param entries audit entries about it
 * @param attempts every attempt of its steps
 */
public record SessionTrail(long sessionId, @Nullable String title, @Nullable String status, List<AuditEntry> entries,
		List<Attempt> attempts) {

	/**
	 * One step attempt as stored; bodies were masked before they were stored and are
	 * {@code null} once retention has removed them.
	 *
	 * @param id attempt id
	 * @param step step name
	 * @param attemptNo number of the attempt within its step
	 * @param outcome how it ended
	 * @param actor who ran it
	 * @param startedAt when it started
	 * @param endedAt when it ended
	 * @param durationMs duration of the decisive Waldur call
	 * @param httpMethod method of that call
	 * @param url URL of that call
	 * @param responseStatus Waldur's status
	 * @param requestBody masked request body
	 * @param responseBody masked response body
	 * @param message what the user was told
	 */
	public record Attempt(long id, String step, int attemptNo, String outcome, String actor, Instant startedAt,
			Instant endedAt, @Nullable Long durationMs, @Nullable String httpMethod, @Nullable String url,
			@Nullable Integer responseStatus, @Nullable String requestBody, @Nullable String responseBody,
			String message) {

		/** Whether there is a body to show. */
		public boolean hasBodies() {
			return this.requestBody != null || this.responseBody != null;
		}

	}

}
