package org.waldur.portal.onboarding;

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

	private @Nullable Instant settlesAt;

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
	 * The stored status. Only this class moves it, and a run that was interrupted is
	 * moved to {@link StepStatus#NEEDS_RECONCILIATION} by {@link #interrupt}, so every
	 * page and query reads the same truth.
	 */
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

	/**
	 * Until when a request whose outcome is unknown may still land in Waldur; empty when
	 * none is in flight.
	 */
	public @Nullable Instant getSettlesAt() {
		return this.settlesAt;
	}

	/**
	 * Whether a request of this step may still be in flight at {@code now}: Waldur may
	 * apply it later, so the portal may look up but must not send again.
	 */
	public boolean isSettling(Instant now) {
		return this.settlesAt != null && now.isBefore(this.settlesAt);
	}

	/** Whether the next run must look Waldur up before sending anything. */
	public boolean mustReconcile() {
		return this.status == StepStatus.NEEDS_RECONCILIATION;
	}

	boolean isDone() {
		return this.status == StepStatus.DONE;
	}

	/** Whether a Waldur call for this step is running now. */
	boolean isRunning() {
		return this.status == StepStatus.RUNNING;
	}

	/** Whether the run started before {@code cutoff} and is still marked running. */
	boolean isRunningSince(Instant cutoff) {
		return isRunning() && this.startedAt != null && this.startedAt.isBefore(cutoff);
	}

	/**
	 * Marks the step running; returns whether the run must reconcile with Waldur first.
	 */
	boolean start(String actor, String instance, Instant now) {
		boolean reconcile = mustReconcile();
		this.status = StepStatus.RUNNING;
		this.attempts++;
		this.startedAt = now;
		this.endedAt = null;
		this.runningBy = actor;
		this.runningInstance = instance;
		return reconcile;
	}

	/**
	 * Records how the run ended.
	 * @param uncertain whether it is unknown after this run what Waldur holds: a change
	 * request got no clear answer (no answer, or a server error), or a run that had to
	 * reconcile failed before its look-up answered
	 * @param settlesAt until when a request may still land; {@code null} when none can be
	 * in flight any more
	 */
	void finish(AttemptOutcome outcome, String message, Instant now, boolean uncertain, @Nullable Instant settlesAt) {
		this.status = switch (outcome) {
			case SUCCEEDED, ALREADY_DONE, RECONCILED -> StepStatus.DONE;
			case OUTCOME_UNKNOWN, PENDING -> StepStatus.NEEDS_RECONCILIATION;
			case NOT_APPLIED -> StepStatus.TODO;
			case REJECTED, FAILED -> uncertain ? StepStatus.NEEDS_RECONCILIATION : StepStatus.FAILED;
		};
		if (this.status != StepStatus.NEEDS_RECONCILIATION) {
			this.settlesAt = null;
		}
		else if (settlesAt != null && (this.settlesAt == null || settlesAt.isAfter(this.settlesAt))) {
			this.settlesAt = settlesAt;
		}
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
		this.lastOutcome = AttemptOutcome.FAILED;
		this.lastMessage = message;
		this.endedAt = now;
		this.settlesAt = null;
		this.runningBy = null;
		this.runningInstance = null;
	}

	/**
	 * Support chose which of several offerings in Waldur the step keeps: it counts as an
	 * attempt that reconciled the step with Waldur.
	 */
	void chosen(String message, Instant now) {
		this.attempts++;
		this.status = StepStatus.DONE;
		this.lastOutcome = AttemptOutcome.RECONCILED;
		this.lastMessage = message;
		this.startedAt = now;
		this.endedAt = now;
		this.settlesAt = null;
		this.runningBy = null;
		this.runningInstance = null;
	}

	/**
	 * A run that is still marked running long after any run can take was interrupted (the
	 * portal stopped during it): its calls may have reached Waldur until
	 * {@code settlesAt}.
	 */
	void interrupt(Instant now, Instant settlesAt) {
		this.status = StepStatus.NEEDS_RECONCILIATION;
		this.lastOutcome = AttemptOutcome.OUTCOME_UNKNOWN;
		this.lastMessage = "The portal stopped while this step was running, so it is not known whether Waldur "
				+ "applied it. Check Waldur: nothing is sent again before a look-up.";
		this.endedAt = now;
		this.settlesAt = settlesAt;
		this.runningBy = null;
		this.runningInstance = null;
	}

}
