package org.waldur.portal.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for API requests that no API handler takes: an unknown path under
 * {@code /api/v1/} (404) and a method the path does not offer (405). {@link ApiProblems}
 * covers the API's handlers only, so without this those answers were Spring Boot's own
 * error JSON. Requests outside the API are left to the pages' error handling (the
 * exception is thrown on).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingProblems {

	static final String PREFIX = "/api/v1/";

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> notFound(Exception ex, HttpServletRequest request) throws Exception {
		requireApi(ex, request);
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found",
				"The API has no resource at " + request.getRequestURI() + "; see /v3/api-docs for its paths."));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) throws Exception {
		requireApi(ex, request);
		String allowed = (ex.getSupportedHttpMethods() != null)
				? StringUtils.collectionToDelimitedString(ex.getSupportedHttpMethods(), ", ") : "";
		ProblemDetail problem = ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
				request.getRequestURI() + " does not take " + request.getMethod()
						+ (allowed.isEmpty() ? "." : "; it takes " + allowed + "."));
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.header(HttpHeaders.ALLOW, allowed)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** Throws the exception on for a request outside the API, as if unhandled here. */
	private static void requireApi(Exception ex, HttpServletRequest request) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(PREFIX)) {
			throw ex;
		}
	}

}
