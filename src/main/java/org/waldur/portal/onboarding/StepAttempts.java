package org.waldur.portal.onboarding;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * The append-only record of step attempts: it can add and read, never change or delete.
 */
public interface StepAttempts extends Repository<StepAttempt, Long> {

	StepAttempt save(StepAttempt attempt);

	List<StepAttempt> findBySessionIdOrderByIdAsc(long sessionId);

	List<StepAttempt> findBySessionIdAndStepOrderByIdDesc(long sessionId, OnboardingStep step);

}
