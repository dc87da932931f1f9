package org.waldur.portal.onboarding;

import java.time.Instant;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored onboarding sessions.
 */
public interface OnboardingSessions extends JpaRepository<OnboardingSession, Long> {

	List<OnboardingSession> findTop50ByCreatedByOrAssigneeOrderByUpdatedAtDesc(String createdBy, String assignee);

	List<OnboardingSession> findTop20ByStatusInOrderByUpdatedAtDesc(List<OnboardingStatus> statuses);

	/** Sessions with a step still marked running since before {@code cutoff}. */
	@Query("select distinct e.session.id from StepExecution e where e.status = "
			+ "org.waldur.portal.onboarding.StepStatus.RUNNING and e.startedAt < :cutoff")
	List<Long> findIdsRunningSince(Instant cutoff);

}
