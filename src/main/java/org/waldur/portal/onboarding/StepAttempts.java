package org.waldur.portal.onboarding;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * The append-only record of step attempts: it can add and read, never change or delete.
 */
public interface StepAttempts extends Repository<StepAttempt, Long> {

	StepAttempt save(StepAttempt attempt);

	List<StepAttempt> findBySessionIdOrderByIdAsc(long sessionId);

	/** The newest attempt of a step: one row, not the step's whole history. */
	Optional<StepAttempt> findFirstBySessionIdAndStepOrderByIdDesc(long sessionId, OnboardingStep step);

}
