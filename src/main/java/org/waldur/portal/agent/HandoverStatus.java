package org.waldur.portal.agent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OnboardingSession;

/**
 * Where the hand-over of one onboarding to the site agent stands.
 *
 * @param session the onboarding
 * @param completed whether the onboarding is completed (downloads need that)
 * @param missing what is still missing before the hand-over, one line per step
 * @param results the last recorded result of each check, in check order
 * @param lastChecked when the checks last ran, or {@code null}
 * @param lastDownload when a file carrying the token ({@code agent.env} or the
 * configuration with the token) was last downloaded, or {@code null}
 * @param tokenReplacedAt when the token was last refreshed, or {@code null}
 * @param refreshReminder whether the token was refreshed after the last check and the
 * last token download, so the agent's configuration must be updated
 * @param mayChange whether the viewer may run checks and download the token
 */
public record HandoverStatus(OnboardingSession session, boolean completed, List<String> missing,
		List<CheckResult> results, @Nullable Instant lastChecked, @Nullable Instant lastDownload,
		@Nullable Instant tokenReplacedAt, boolean refreshReminder, boolean mayChange) {

	public HandoverStatus {
		missing = List.copyOf(missing);
		results = List.copyOf(results);
	}

	/** Whether every check has a result and all passed (warnings allowed). */
	public boolean allPassed() {
		return this.results.size() == HandoverCheck.values().length
				&& this.results.stream().allMatch(CheckResult::passed);
	}

	/** How many of the last results passed with a warning. */
	public long warnings() {
		return this.results.stream().filter(CheckResult::warning).count();
	}

	/**
	 * The outcome of a run of the checks in a sentence: how many failed, or that all
	 * passed and how many of them with a warning.
	 */
	public static String summary(List<CheckResult> results) {
		long failed = results.stream().filter((result) -> !result.passed()).count();
		if (failed > 0) {
			return failed + " of " + results.size() + " checks failed.";
		}
		long warnings = results.stream().filter(CheckResult::warning).count();
		return (warnings == 0) ? "All checks passed."
				: "All checks passed, " + warnings + " with a warning: see the checklist.";
	}

}
