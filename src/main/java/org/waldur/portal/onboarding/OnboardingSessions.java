package org.waldur.portal.onboarding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored onboarding sessions.
 */
public interface OnboardingSessions extends JpaRepository<OnboardingSession, Long> {

	List<OnboardingSession> findTop50ByCreatedByOrAssigneeOrderByUpdatedAtDesc(String createdBy, String assignee);

	List<OnboardingSession> findTop20ByStatusInOrderByUpdatedAtDesc(List<OnboardingStatus> statuses);

}
