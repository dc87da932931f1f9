package org.waldur.portal.onboarding;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.hibernate.annotations.Immutable;

/**
 * One attempt of one step, append-only: who ran it, when, how it ended, the Waldur
 * exchange with secrets masked, and the message the user saw.
 */
@Entity
@Immutable
@Table(name = "onboarding_step_attempt")
public class StepAttempt {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long sessionId;

	@Enumerated(EnumType.STRING)
	private OnboardingStep step;

	private int attemptNo;

	private String actor;

	private Instant startedAt;

	private Instant endedAt;

	@Enumerated(EnumType.STRING)
	private AttemptOutcome outcome;

	private @Nullable String httpMethod;

	private @Nullable String url;

	private @Nullable String requestBody;

	private @Nullable Integer responseStatus;

	private @Nullable String responseBody;

	private @Nullable Long durationMs;

	private String message;

	private @Nullable String fieldErrors;

	private @Nullable String priorExchanges;

	protected StepAttempt() {
		this.step = OnboardingStep.OFFERING;
		this.actor = "";
		this.startedAt = Instant.EPOCH;
		this.endedAt = Instant.EPOCH;
		this.outcome = AttemptOutcome.FAILED;
		this.message = "";
	}

	StepAttempt(long sessionId, OnboardingStep step, int attemptNo, String actor, Instant startedAt, Instant endedAt,
			AttemptOutcome outcome, String message, @Nullable Exchange exchange, @Nullable String fieldErrors,
			@Nullable String priorExchanges) {
		this.sessionId = sessionId;
		this.step = step;
		this.attemptNo = attemptNo;
		this.actor = actor;
		this.startedAt = startedAt;
		this.endedAt = endedAt;
		this.outcome = outcome;
		this.message = message;
		this.fieldErrors = fieldErrors;
		this.priorExchanges = priorExchanges;
		if (exchange != null) {
			this.httpMethod = exchange.method();
			this.url = exchange.url();
			this.requestBody = exchange.requestBody();
			this.responseStatus = exchange.status();
			this.responseBody = exchange.responseBody();
			this.durationMs = exchange.durationMillis();
		}
	}

	/**
	 * The Waldur call of an attempt, secrets already masked.
	 *
	 * @param method HTTP method
	 * @param url full URL
	 * @param requestBody masked request body, if any
	 * @param status HTTP status, if an answer came
	 * @param responseBody masked response body, if any
	 * @param durationMillis how long the call took
	 */
	public record Exchange(String method, String url, @Nullable String requestBody, @Nullable Integer status,
			@Nullable String responseBody, long durationMillis) {
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public long getSessionId() {
		return this.sessionId;
	}

	public OnboardingStep getStep() {
		return this.step;
	}

	public int getAttemptNo() {
		return this.attemptNo;
	}

	public String getActor() {
		return this.actor;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getEndedAt() {
		return this.endedAt;
	}

	public AttemptOutcome getOutcome() {
		return this.outcome;
	}

	public @Nullable String getHttpMethod() {
		return this.httpMethod;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public @Nullable String getRequestBody() {
		return this.requestBody;
	}

	public @Nullable Integer getResponseStatus() {
		return this.responseStatus;
	}

	public @Nullable String getResponseBody() {
		return this.responseBody;
	}

	public @Nullable Long getDurationMs() {
		return this.durationMs;
	}

	public String getMessage() {
		return this.message;
	}

	/** Waldur's messages per field as JSON, for a rejected request. */
	public @Nullable String getFieldErrors() {
		return this.fieldErrors;
	}

	/** The look-ups made before the decisive call, as a JSON array of exchanges. */
	public @Nullable String getPriorExchanges() {
		return this.priorExchanges;
	}

}
