package org.waldur.portal.api;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.AccountInput;
import org.waldur.portal.onboarding.IntegrationInput;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepExecution;
import org.waldur.portal.onboarding.StepStatus;

/**
 * One onboarding as the API shows it: where it stands, its inputs, what exists in Waldur,
 * every step and (when asked) every attempt with its masked exchanges. No secret: the
 * organisation-owner token and the service-account token appear only as "stored".
 *
 * @param id the onboarding
 * @param version its version, to send as {@code If-Match} or {@code version}
 * @param title the offering's name
 * @param status where it stands
 * @param currentStep the step it stands at (slug)
 * @param createdBy who started it
 * @param assignee who it is assigned to
 * @param createdAt when it was started
 * @param updatedAt when it last changed
 * @param completedAt when every step was done
 * @param abandonedReason why it was given up
 * @param waldurVersion the Waldur version its last step ran against
 * @param inputs what was entered
 * @param waldur what exists in Waldur
 * @param steps every step, in order
 * @param attempts every attempt, oldest first (only on a single onboarding)
 */
record OnboardingView(long id, long version, String title, OnboardingStatus status, String currentStep,
		String createdBy, @Nullable String assignee, Instant createdAt, Instant updatedAt,
		@Nullable Instant completedAt, @Nullable String abandonedReason, @Nullable String waldurVersion, Inputs inputs,
		Waldur waldur, List<Step> steps, @Nullable List<Attempt> attempts) {

	static OnboardingView of(OnboardingSession session, Instant now, @Nullable List<StepAttempt> attempts) {
		return new OnboardingView(java.util.Objects.requireNonNull(session.getId()), session.getVersion(),
				session.getTitle(), session.getStatus(), session.getCurrentStep().slug(), session.getCreatedBy(),
				session.getAssignee(), session.getCreatedAt(), session.getUpdatedAt(), session.getCompletedAt(),
				session.getAbandonedReason(), session.getWaldurVersion(),
				new Inputs(session.getOfferingInput(), session.hasOwnerToken(), session.getIntegrationInput(),
						session.getAccountInput(), session.getKeepTokenSeconds()),
				new Waldur(session.getCustomerUuid(), session.getCustomerName(), session.getOfferingUuid(),
						session.getOfferingUrl(), session.getOfferingState(), session.getPlanUuids(),
						session.getComponentUuids(), session.getUserUuid(), session.getUsername(),
						session.hasServiceToken(), session.getServiceTokenCreated(), session.getServiceTokenLifetime()),
				session.getSteps().stream().map((execution) -> Step.of(session, execution, now)).toList(),
				(attempts != null) ? attempts.stream().map(Attempt::of).toList() : null);
	}

	/**
	 * The inputs entered so far.
	 *
	 * @param offering the offering step's
	 * @param ownerTokenStored whether an organisation-owner token is stored (never shown)
	 * @param integration the integration options
	 * @param serviceAccount the service-account user
	 * @param keepTokenSeconds the token lifetime the keep-token step sets, {@code null}
	 * for none
	 */
	record Inputs(@Nullable OfferingInput offering, boolean ownerTokenStored, @Nullable IntegrationInput integration,
			@Nullable AccountInput serviceAccount, @Nullable Integer keepTokenSeconds) {
	}

	/**
	 * What the onboarding made or found in Waldur.
	 *
	 * @param customerUuid the provider organisation
	 * @param customerName its name
	 * @param offeringUuid the offering
	 * @param offeringUrl its API URL
	 * @param offeringState its state as last seen
	 * @param planUuids its plans
	 * @param componentUuids its components
	 * @param userUuid the service-account user
	 * @param username its username
	 * @param serviceTokenStored whether its token is stored (fetch it with the reveal
	 * call)
	 * @param serviceTokenCreated when Waldur created that token
	 * @param serviceTokenLifetime the token's lifetime in seconds as Waldur reported it
	 */
	record Waldur(@Nullable String customerUuid, @Nullable String customerName, @Nullable String offeringUuid,
			@Nullable String offeringUrl, @Nullable String offeringState, List<String> planUuids,
			List<String> componentUuids, @Nullable String userUuid, @Nullable String username,
			boolean serviceTokenStored, @Nullable Instant serviceTokenCreated, @Nullable Integer serviceTokenLifetime) {
	}

	/**
	 * One step.
	 *
	 * @param step its slug, as in the paths
	 * @param title its name
	 * @param status where it stands
	 * @param attempts how often it ran
	 * @param lastOutcome how the last run ended
	 * @param lastMessage what the last run said
	 * @param startedAt when the last run started
	 * @param endedAt when the last run ended
	 * @param runningBy who runs it now
	 * @param settlesAt until when an earlier request may still land in Waldur
	 * @param mustReconcile whether the next run looks Waldur up first
	 * @param canRun whether it may run now
	 * @param editable whether its inputs may be changed now
	 */
	record Step(String step, String title, StepStatus status, int attempts, @Nullable String lastOutcome,
			@Nullable String lastMessage, @Nullable Instant startedAt, @Nullable Instant endedAt,
			@Nullable String runningBy, @Nullable Instant settlesAt, boolean mustReconcile, boolean canRun,
			boolean editable) {

		static Step of(OnboardingSession session, StepExecution execution, Instant now) {
			OnboardingStep step = execution.getStep();
			Instant settlesAt = execution.isSettling(now) ? execution.getSettlesAt() : null;
			return new Step(step.slug(), step.title(), execution.getStatus(), execution.getAttempts(),
					(execution.getLastOutcome() != null) ? execution.getLastOutcome().name() : null,
					execution.getLastMessage(), execution.getStartedAt(), execution.getEndedAt(),
					execution.getRunningBy(), settlesAt, execution.mustReconcile(), session.canRun(step),
					session.isEditable(step));
		}

	}

	/**
	 * One attempt of a step, with the Waldur calls it made (secrets masked).
	 *
	 * @param id the attempt
	 * @param step the step's slug
	 * @param attemptNo which run of the step
	 * @param actor who ran it
	 * @param startedAt when it started
	 * @param endedAt when it ended
	 * @param outcome how it ended
	 * @param message what it said
	 * @param exchange the call that decided it
	 * @param priorExchanges the look-ups and checks around it, as stored (JSON)
	 * @param fieldErrors Waldur's messages per request field, as stored (JSON)
	 */
	record Attempt(@Nullable Long id, String step, int attemptNo, String actor, Instant startedAt, Instant endedAt,
			String outcome, String message, @Nullable Exchange exchange, @Nullable String priorExchanges,
			@Nullable String fieldErrors) {

		static Attempt of(StepAttempt attempt) {
			Exchange exchange = (attempt.getHttpMethod() != null)
					? new Exchange(attempt.getHttpMethod(), attempt.getUrl(), attempt.getRequestBody(),
							attempt.getResponseStatus(), attempt.getResponseBody(), attempt.getDurationMs())
					: null;
			return new Attempt(attempt.getId(), attempt.getStep().slug(), attempt.getAttemptNo(), attempt.getActor(),
					attempt.getStartedAt(), attempt.getEndedAt(), attempt.getOutcome().name(), attempt.getMessage(),
					exchange, attempt.getPriorExchanges(), attempt.getFieldErrors());
		}

	}

	/**
	 * A Waldur call as recorded, secrets masked.
	 *
	 * @param method HTTP method
	 * @param url the URL
	 * @param requestBody the masked request body
	 * @param status Waldur's status, if it answered
	 * @param responseBody the masked response body
	 * @param durationMs how long it took
	 */
	record Exchange(String method, @Nullable String url, @Nullable String requestBody, @Nullable Integer status,
			@Nullable String responseBody, @Nullable Long durationMs) {
	}

}
