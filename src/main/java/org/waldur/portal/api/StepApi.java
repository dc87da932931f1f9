package org.waldur.portal.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.desk.SupportDesk;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.waldur.WaldurBusyException;
import org.waldur.portal.waldur.WaldurRequestPreview;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Previewing and running steps, as the wizard does: a preview gives the exact request and
 * its fingerprint, a run sends it only when the request built at that moment has the same
 * fingerprint. Reconciling and the token refresh run through the same machinery.
 */
@RestController
@RequestMapping("/api/v1/onboardings/{id}")
@Tag(name = "Steps")
@SecurityRequirement(name = "portal-token")
class StepApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Onboarding onboarding;

	private final SupportDesk desk;

	private final Clock clock;

	StepApi(Onboarding onboarding, SupportDesk desk, Clock clock) {
		this.onboarding = onboarding;
		this.desk = desk;
		this.clock = clock;
	}

	/**
	 * The request a step would send now.
	 *
	 * @param step the step's slug
	 * @param method HTTP method
	 * @param url the URL
	 * @param body the JSON body, or {@code null}
	 * @param authorization the Authorization header, token masked
	 * @param fingerprint what to send with the run
	 * @param version the onboarding's version at the preview
	 * @param mustReconcile whether the run looks Waldur up first
	 * @param settling whether an earlier request may still land (the run then only looks
	 * up)
	 * @param secondsUntilSettled seconds until it can no longer land
	 */
	record Preview(String step, String method, String url, @Nullable String body, String authorization,
			String fingerprint, long version, boolean mustReconcile, boolean settling, long secondsUntilSettled) {
	}

	/**
	 * A run that ended with the step done.
	 *
	 * @param attempt the recorded attempt
	 * @param onboarding the onboarding after it
	 */
	record Ran(OnboardingView.Attempt attempt, OnboardingView onboarding) {
	}

	@GetMapping("/steps/{step}/preview")
	@Operation(summary = "Preview the request a step would send, with its fingerprint")
	Preview preview(@PathVariable long id, @PathVariable OnboardingStep step, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		return previewOf(session, step);
	}

	@PostMapping("/steps/{step}/run")
	@Operation(summary = "Run a step with the preview's fingerprint",
			description = "Needs an Idempotency-Key. 200 when the step is done; 409 request-changed, already-running, "
					+ "already-done, not-runnable or settling; 422 when Waldur refused it (errors on the inputs' "
					+ "fields); 429 when Waldur is busy (nothing sent); 502 when Waldur failed or the outcome is "
					+ "unknown (the next run looks Waldur up first).")
	ResponseEntity<?> run(@PathVariable long id, @PathVariable OnboardingStep step, @Valid @RequestBody RunStep body,
			Viewer viewer) {
		long version = (body.version() != null) ? body.version() : this.onboarding.get(id, viewer).getVersion();
		StepAttempt attempt = this.onboarding.run(id, step, version, String.valueOf(body.fingerprint()), viewer);
		return answer(id, attempt, viewer);
	}

	@GetMapping("/reconcile")
	@Operation(summary = "Preview the reconciliation of the step that failed or whose outcome is unknown")
	Preview reconcilePreview(@PathVariable long id, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		OnboardingStep stuck = this.desk.stuckStep(session);
		if (stuck == null) {
			throw new StepNotRunnableException("No step of this onboarding failed or waits for reconciliation.");
		}
		return previewOf(session, stuck);
	}

	@PostMapping("/reconcile")
	@Operation(summary = "Reconcile: run the stuck step again, looking Waldur up first",
			description = "Needs an Idempotency-Key and the fingerprint of GET reconcile. Answers as a step run.")
	ResponseEntity<?> reconcile(@PathVariable long id, @Valid @RequestBody RunStep body, Viewer viewer) {
		long version = (body.version() != null) ? body.version() : this.onboarding.get(id, viewer).getVersion();
		StepAttempt attempt = this.desk.reconcile(id, version, String.valueOf(body.fingerprint()), viewer);
		return answer(id, attempt, viewer);
	}

	@PostMapping("/token/refresh")
	@Operation(summary = "Refresh the service-account token (the old one stops working at once)",
			description = "Needs an Idempotency-Key and the fingerprint of GET steps/token-refresh/preview.")
	ResponseEntity<?> refresh(@PathVariable long id, @Valid @RequestBody RunStep body, Viewer viewer) {
		return run(id, OnboardingStep.TOKEN_REFRESH, body, viewer);
	}

	/**
	 * The service-account token in clear.
	 *
	 * @param token the token the site agent signs in with
	 */
	record Token(String token) {

		@Override
		public String toString() {
			return "Token[******]";
		}

	}

	@PostMapping("/token/reveal")
	@Operation(summary = "Show the service-account token (recorded in the audit log)",
			description = "Needs an Idempotency-Key. Keep the answer in a file only you can read.")
	ResponseEntity<Token> reveal(@PathVariable long id, Viewer viewer) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new Token(this.onboarding.revealToken(id, viewer)));
	}

	private Preview previewOf(OnboardingSession session, OnboardingStep step) {
		WaldurRequestPreview preview = this.onboarding.preview(session, step)
			.orElseThrow(() -> new StepNotRunnableException(
					"This step has no request to preview yet: save its inputs and finish the earlier steps first."));
		return new Preview(step.slug(), preview.method(), preview.url(), preview.body(), preview.authorization(),
				preview.fingerprint(), session.getVersion(), session.step(step).mustReconcile(),
				this.onboarding.isSettling(session, step), this.onboarding.secondsUntilSettled(session, step));
	}

	private ResponseEntity<?> answer(long id, StepAttempt attempt, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		OnboardingView.Attempt recorded = OnboardingView.Attempt.of(attempt);
		if (attempt.getOutcome().isSuccess()) {
			return ResponseEntity.ok(new Ran(recorded, OnboardingView.of(session, this.clock.instant(), null)));
		}
		ProblemDetail problem = problemOf(attempt, session);
		problem.setProperty("attempt", recorded);
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		long settle = this.onboarding.secondsUntilSettled(session, attempt.getStep());
		if (problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
			builder.header(HttpHeaders.RETRY_AFTER, "5");
		}
		else if (settle > 0) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(settle));
		}
		return builder.body(problem);
	}

	private static ProblemDetail problemOf(StepAttempt attempt, OnboardingSession session) {
		AttemptOutcome outcome = attempt.getOutcome();
		String message = attempt.getStep().title() + ": " + attempt.getMessage();
		if (outcome == AttemptOutcome.REJECTED) {
			ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "waldur-rejected", message);
			problem.setProperty("errors", ApiProblems.waldurErrors(fieldErrors(attempt), inputsOf(attempt.getStep())));
			return problem;
		}
		if (outcome == AttemptOutcome.FAILED && attempt.getMessage().startsWith(WaldurBusyException.BUSY)) {
			return ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "waldur-busy", message);
		}
		if (outcome == AttemptOutcome.OUTCOME_UNKNOWN) {
			return ApiProblems.problem(HttpStatus.BAD_GATEWAY, "outcome-unknown", message);
		}
		if (outcome == AttemptOutcome.PENDING) {
			return ApiProblems.problem(HttpStatus.CONFLICT, "settling", message);
		}
		if (outcome == AttemptOutcome.NOT_APPLIED) {
			return ApiProblems.problem(HttpStatus.CONFLICT, "not-applied", message);
		}
		return ApiProblems.problem(HttpStatus.BAD_GATEWAY, "waldur-failed", message);
	}

	/** Where a step's inputs are in the create request. */
	private static String inputsOf(OnboardingStep step) {
		return switch (step) {
			case OFFERING -> "offering.";
			case INTEGRATION -> "integration.";
			case SERVICE_ACCOUNT -> "serviceAccount.";
			case KEEP_TOKEN -> "keepToken.";
			default -> "";
		};
	}

	private static Map<String, List<String>> fieldErrors(StepAttempt attempt) {
		return (attempt.getFieldErrors() != null)
				? JSON.readValue(attempt.getFieldErrors(), new TypeReference<Map<String, List<String>>>() {
				}) : Map.of();
	}

}
