package org.waldur.portal.desk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OnboardingDirectory;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;

/**
 * One onboarding as the desk list shows it (only the list's columns are read).
 *
 * @param id session id
 * @param title offering name
 * @param status session status
 * @param currentStep the step it stands at
 * @param createdBy who started it
 * @param assignee who it is assigned to
 * @param customerName the provider organisation
 * @param offeringUuid the offering in Waldur, once created
 * @param username the service account, once created
 * @param createdAt when it was started
 * @param updatedAt when it last changed
 * @param agentSeenAt when its site agent was first seen registered in Waldur, or
 * {@code null}
 */
public record DeskRow(long id, String title, OnboardingStatus status, OnboardingStep currentStep, String createdBy,
		@Nullable String assignee, @Nullable String customerName, @Nullable String offeringUuid,
		@Nullable String username, Instant createdAt, Instant updatedAt, @Nullable Instant agentSeenAt) {

	static DeskRow of(OnboardingDirectory.Summary summary) {
		return new DeskRow(summary.id(), summary.title(), summary.status(), summary.currentStep(), summary.createdBy(),
				summary.assignee(), summary.customerName(), summary.offeringUuid(), summary.username(),
				summary.createdAt(), summary.updatedAt(), summary.agentSeenAt());
	}

	/**
	 * For a completed onboarding, whether its site agent was ever seen: "Agent seen" or
	 * "Agent never seen"; {@code null} for the others.
	 */
	public @Nullable String agentSighting() {
		if (this.status != OnboardingStatus.COMPLETED) {
			return null;
		}
		return (this.agentSeenAt != null) ? "Agent seen" : "Agent never seen";
	}

	/**
	 * How long an open onboarding has not moved, in words ("3 days", "under a day"), or
	 * {@code null} for a completed or abandoned one.
	 */
	public @Nullable String stuckFor(Instant now) {
		if (!this.status.isOpen()) {
			return null;
		}
		long days = java.time.Duration.between(this.updatedAt, now).toDays();
		return (days < 1) ? "under a day" : (days == 1) ? "1 day" : days + " days";
	}

	/** Whether support should look at it. */
	public boolean needsAttention() {
		return this.status == OnboardingStatus.NEEDS_ATTENTION;
	}

}
