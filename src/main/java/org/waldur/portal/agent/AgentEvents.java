package org.waldur.portal.agent;

import java.util.List;

/**
 * Events of the agent hand-over, published in the same transaction as the record they
 * describe, for the audit log.
 */
public final class AgentEvents {

	private AgentEvents() {
	}

	/**
	 * The hand-over checks ran.
	 *
	 * @param sessionId the onboarding
	 * @param actor who ran them
	 * @param failed the checks that failed (empty when all passed)
	 */
	public record ChecksRun(long sessionId, String actor, List<HandoverCheck> failed) {

		public ChecksRun {
			failed = List.copyOf(failed);
		}

	}

	/**
	 * A file carrying the service-account token was downloaded.
	 *
	 * @param sessionId the onboarding
	 * @param actor who downloaded it
	 * @param file which file
	 */
	public record TokenDownloaded(long sessionId, String actor, AgentFile file) {
	}

	/**
	 * The agent configuration without the token was downloaded.
	 *
	 * @param sessionId the onboarding
	 * @param actor who downloaded it
	 */
	public record ConfigDownloaded(long sessionId, String actor) {
	}

	/**
	 * In sandbox mode, someone simulated the site agent's first start.
	 *
	 * @param sessionId the onboarding
	 * @param actor who simulated it
	 */
	public record AgentStartSimulated(long sessionId, String actor) {
	}

}
