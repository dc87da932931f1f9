package org.waldur.portal.onboarding;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The state of one step of one session, kept like a batch step execution: a stable step
 * name, a status, time stamps, the last outcome and message, and a marker while a Waldur
 * call runs.
 */
@Entity
@Table(name = "onboarding_step")
public class StepExecution {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "session_id")
	private OnboardingSession session;

	@Enumerated(EnumType.STRING)
	private OnboardingStep step;

	@Enumerated(EnumType.STRING)
	private StepStatus status = StepStatus.TODO;

	private int attempts;

	private @Nullable Instant startedAt;

	private @Nullable Instant endedAt;

	@Enumerated(EnumType.STRING)
	private @Nullable AttemptOutcome lastOutcome;

	private @Nullable String lastMessage;

	private @Nullable String runningBy;

	private @Nullable String runningInstance;

	protected StepExecution() {
		this.session = null;
		this.step = OnboardingStep.OFFERING;
	}

	StepExecution(OnboardingSession session, OnboardingStep step) {
		this.session = session;
		this.step = step;
	}

	public OnboardingStep getStep() {
		return this.step;
	}

	/**
	 * The status as users should see it: a call marked running for longer than any Waldur
	 * call can take ({@code maxCall}) was interrupted, for example by a restart, and
	 * needs reconciliation.
	 */
	public StepStatus statusAt(Instant now, Duration maxCall) {
		return isInterrupted(now, maxCall) ? StepStatus.NEEDS_RECONCILIATION : this.status;
	}

	public StepStatus getStatus() {
		return this.status;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public @Nullable Instant getStartedAt() {
		return this.startedAt;
	}

	public @Nullable Instant getEndedAt() {
		return this.endedAt;
	}

	public @Nullable AttemptOutcome getLastOutcome() {
		return this.lastOutcome;
	}

	public @Nullable String getLastMessage() {
		return this.lastMessage;
	}

	public @Nullable String getRunningBy() {
		return this.runningBy;
	}

	boolean isDone() {
		return this.status == StepStatus.DONE;
	}

	boolean isInterrupted(Instant now, Duration maxCall) {
		return this.status == StepStatus.RUNNING && this.startedAt != null
				&& this.startedAt.plus(maxCall).isBefore(now);
	}

	/** Whether a Waldur call for this step is running now (and not interrupted). */
	boolean isRunning(Instant now, Duration maxCall) {
		return this.status == StepStatus.RUNNING && !isInterrupted(now, maxCall);
	}

	/**
	 * Marks the step running; returns whether the run must reconcile with Waldur first.
	 */
	boolean start(String actor, String instance, Instant now, Duration maxCall) {
		boolean reconcile = this.status == StepStatus.NEEDS_RECONCILIATION || isInterrupted(now, maxCall)
				|| this.lastOutcome == AttemptOutcome.FAILED || this.lastOutcome == AttemptOutcome.OUTCOME_UNKNOWN;
		this.status = StepStatus.RUNNING;
		this.attempts++;
		this.startedAt = now;
		this.endedAt = null;
		this.runningBy = actor;
		this.runningInstance = instance;
		return reconcile;
	}

	void finish(AttemptOutcome outcome, String message, Instant now) {
		this.status = switch (outcome) {
			case SUCCEEDED, ALREADY_DONE, RECONCILED -> StepStatus.DONE;
			case REJECTED, FAILED -> StepStatus.FAILED;
			case OUTCOME_UNKNOWN -> StepStatus.NEEDS_RECONCILIATION;
		};
		this.lastOutcome = outcome;
		this.lastMessage = message;
		this.endedAt = now;
		this.runningBy = null;
		this.runningInstance = null;
	}

	/**
	 * Marks a step that needs a person (e.g. a differing offering in Waldur) as failed.
	 */
	void needsDecision(String message, Instant now) {
		this.status = StepStatus.FAILED;
		this.lastMessage = message;
		this.endedAt = now;
		this.runningBy = null;
		this.runningInstance = null;
	}

}
