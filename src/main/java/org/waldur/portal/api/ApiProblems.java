package org.waldur.portal.api;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.agent.AgentConfigRefusedException;
import org.waldur.portal.agent.AgentNotReadyException;
import org.waldur.portal.crypto.SecretUnreadableException;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingAccessDeniedException;
import org.waldur.portal.onboarding.OnboardingNotFoundException;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.web.StepInputs;
import org.waldur.portal.waldur.WaldurBusyException;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurRejectedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail ({@code application/problem+json})
 * whose {@code type} names the problem ({@code urn:waldur-portal:problem:<name>}, listed
 * in the README); invalid fields, and Waldur's messages mapped to the request's fields,
 * are in {@code errors}.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** The start of every problem type. */
	static final String TYPE = "urn:waldur-portal:problem:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A problem of {@code status} named {@code name}. */
	static ProblemDetail problem(HttpStatusCode status, String name, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE + name));
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		return problem;
	}

	static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** Writes a problem outside Spring MVC (in a filter). */
	static void write(HttpServletResponse response, HttpStatus status, String name, String detail) throws IOException {
		ProblemDetail problem = problem(status, name, detail);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(body));
	}

	/**
	 * A field error of a problem.
	 *
	 * @param field the request field, as a path such as
	 * {@code offering.components[0].type}
	 * @param message what is wrong
	 * @param waldurField the field of Waldur's request it comes from, if Waldur refused
	 * it
	 */
	record FieldProblem(String field, String message, @Nullable String waldurField) {
	}

	/** Waldur's messages per request field, put on the API request's fields. */
	static List<FieldProblem> waldurErrors(Map<String, List<String>> errors, String prefix) {
		List<FieldProblem> problems = new ArrayList<>();
		errors.forEach((path, messages) -> {
			boolean global = path.isEmpty() || "non_field_errors".equals(path);
			String field = global ? "" : prefix + StepInputs.formField(path);
			messages.forEach((message) -> problems.add(new FieldProblem(field, message, global ? null : path)));
		});
		return problems;
	}

	@ExceptionHandler(OnboardingNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(OnboardingNotFoundException ex) {
		return answer(problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
	}

	@ExceptionHandler(OnboardingAccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(OnboardingAccessDeniedException ex) {
		return answer(problem(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage()));
	}

	@ExceptionHandler(StepNotRunnableException.class)
	ResponseEntity<ProblemDetail> notRunnable(StepNotRunnableException ex) {
		return answer(problem(HttpStatus.CONFLICT, conflictName(String.valueOf(ex.getMessage())), ex.getMessage()));
	}

	/**
	 * The name of a step's refusal: changed since preview, already running, done, or
	 * else.
	 */
	static String conflictName(String message) {
		if (message.equals(Onboarding.CHANGED_SINCE_REVIEW)) {
			return "request-changed";
		}
		if (message.startsWith("This step is already running") || message.contains("already running or done")) {
			return "already-running";
		}
		if (message.startsWith("This step is already done") || message.startsWith("This step was already completed")) {
			return "already-done";
		}
		return "not-runnable";
	}

	@ExceptionHandler(StepInputs.InputsRejectedException.class)
	ResponseEntity<ProblemDetail> inputsRejected(StepInputs.InputsRejectedException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", ex.getMessage());
		problem.setProperty("errors",
				ex.fieldErrors()
					.entrySet()
					.stream()
					.map((entry) -> new FieldProblem(entry.getKey(), entry.getValue(), null))
					.toList());
		return answer(problem);
	}

	@ExceptionHandler(WaldurBusyException.class)
	ResponseEntity<ProblemDetail> busy(WaldurBusyException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "waldur-busy",
					ex.getMessage() + " Nothing was sent to Waldur; send the request again."));
	}

	@ExceptionHandler(WaldurRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(WaldurRejectedException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "waldur-rejected", ex.getMessage());
		problem.setProperty("errors", waldurErrors(ex.fieldErrors(), ""));
		return answer(problem);
	}

	@ExceptionHandler(FieldsProblem.class)
	ResponseEntity<ProblemDetail> fields(FieldsProblem ex) {
		ProblemDetail problem = problem(ex.status(), ex.name(), ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return answer(problem);
	}

	/**
	 * A problem with field errors raised by a handler, paths already relative to its
	 * body.
	 */
	static final class FieldsProblem extends RuntimeException {

		private final HttpStatus status;

		private final String name;

		private final List<FieldProblem> errors;

		FieldsProblem(HttpStatus status, String name, String detail, List<FieldProblem> errors) {
			super(detail);
			this.status = status;
			this.name = name;
			this.errors = List.copyOf(errors);
		}

		HttpStatus status() {
			return this.status;
		}

		String name() {
			return this.name;
		}

		List<FieldProblem> errors() {
			return this.errors;
		}

	}

	@ExceptionHandler(WaldurException.class)
	ResponseEntity<ProblemDetail> waldur(WaldurException ex) {
		return answer(problem(HttpStatus.BAD_GATEWAY, "waldur-unavailable",
				"Waldur could not be asked: " + ex.getMessage() + " Nothing was saved; send the request again."));
	}

	@ExceptionHandler(SecretUnreadableException.class)
	ResponseEntity<ProblemDetail> unreadable(SecretUnreadableException ex) {
		return answer(problem(HttpStatus.CONFLICT, "secret-unreadable", ex.getMessage()));
	}

	@ExceptionHandler({ AgentNotReadyException.class, AgentConfigRefusedException.class })
	ResponseEntity<ProblemDetail> agent(RuntimeException ex) {
		return answer(problem(HttpStatus.CONFLICT, "not-ready", ex.getMessage()));
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, IllegalStateException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
		return answer(problem(HttpStatus.CONFLICT, "conflict",
				"Someone else changed this onboarding at the same moment, or it does not allow this now. Read it "
						+ "again and send the request again if it still applies."));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException ex) {
		return answer(problem(HttpStatus.BAD_REQUEST, "invalid-input", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("API call failed unexpectedly ({})", ex.getClass().getName());
		return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
				"The portal could not finish this request. Nothing secret is lost; try again or ask support."));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalidInput(ex.getBindingResult().getAllErrors());
	}

	private static ResponseEntity<Object> invalidInput(List<? extends ObjectError> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input",
				"Some fields are missing or invalid; see errors.");
		problem.setProperty("errors",
				errors.stream()
					.map((error) -> new FieldProblem((error instanceof FieldError field) ? field.getField() : "",
							String.valueOf(error.getDefaultMessage()), null))
					.toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A body Jackson stopped reading at a value it cannot hold at all (a number too
	 * large, a fraction for a whole number) names that field, beside the problems read
	 * before it; a body that is not JSON is refused as a whole.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MessageSource messages = getMessageSource();
		FieldError unreadable = (messages != null && (ex.getCause() instanceof InputCoercionException
				|| ex.getCause() instanceof MismatchedInputException))
						? ApiBodies.unreadable((JacksonException) ex.getCause(), messages) : null;
		if (unreadable == null) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		List<FieldError> errors = new ArrayList<>(ApiBodies.readProblems("body", messages));
		errors.add(unreadable);
		return invalidInput(errors);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail given) ? given
				: problem(statusCode, "request", String.valueOf(ex.getMessage()));
		if (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType()))) {
			problem.setType(URI.create(TYPE + "request"));
		}
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
