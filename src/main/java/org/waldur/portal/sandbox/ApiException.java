package org.waldur.portal.sandbox;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer of the sandbox API, shaped like Django REST framework's.
 */
final class ApiException extends RuntimeException {

	static final String PERMISSION_DENIED = "You do not have permission to perform this action.";

	private final int status;

	private final JsonNode body;

	private final Map<String, String> headers;

	ApiException(int status, JsonNode body, Map<String, String> headers) {
		super("Sandbox API error " + status, null, false, false);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}

	ApiException(int status, JsonNode body) {
		this(status, body, Map.of());
	}

	int status() {
		return this.status;
	}

	JsonNode body() {
		return this.body;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	static ApiException detail(int status, String detail) {
		return new ApiException(status, SandboxJson.detail(detail));
	}

	static ApiException unauthorized(String detail) {
		return new ApiException(401, SandboxJson.detail(detail), Map.of("WWW-Authenticate", "Token"));
	}

	static ApiException forbidden() {
		return detail(403, PERMISSION_DENIED);
	}

	static ApiException notFound(String model) {
		return detail(404, "No " + model + " matches the given query.");
	}

	/** A 400 whose body is a top-level array, as raised by a view or validator. */
	static ApiException invalid(String message) {
		return new ApiException(400, JsonNodeFactory.instance.arrayNode().add(message));
	}

	/** A 400 with field errors. */
	static ApiException badRequest(ObjectNode errors) {
		return new ApiException(400, errors);
	}

	/** A 400 with one field error. */
	static ApiException field(String field, String message) {
		return badRequest(SandboxJson.errors(field, message));
	}

}
