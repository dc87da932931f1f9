package org.waldur.portal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What an injected failure looks like: the body Waldur (Django REST framework) or its
 * reverse proxy would send for the status.
 */
final class FaultResponses {

	private FaultResponses() {
	}

	static void writeFailure(HttpServletResponse response, int status) throws IOException {
		switch (status) {
			case 500 ->
				html(response, status, "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)"
						+ "</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n");
			case 502, 503, 504 -> html(response, status, nginxPage(status));
			default -> SandboxApiController.writeJson(response, failure(status));
		}
	}

	static ApiException failure(int status) {
		return switch (status) {
			case 400 -> ApiException.badRequest(SandboxJson.errors("non_field_errors", "Injected sandbox fault."));
			case 401 -> ApiException.unauthorized("Invalid token.");
			case 403 -> ApiException.forbidden();
			case 404 -> ApiException.detail(404, "Not found.");
			case 409 -> ApiException.detail(409, "Cannot modify an object in its current state.");
			case 429 ->
				new ApiException(429, SandboxJson.detail("Request was throttled. Expected available in 60 seconds."),
						Map.of("Retry-After", "60"));
			default -> ApiException.detail(status, "Injected sandbox fault.");
		};
	}

	/**
	 * Commits a response that announces more bytes than it sends, then breaks the
	 * connection: the client sees a premature end of the body.
	 */
	static void drop(HttpServletResponse response) throws IOException {
		byte[] partial = "[{\"uuid\": \"".getBytes(StandardCharsets.UTF_8);
		response.setStatus(200);
		response.setContentType("application/json");
		response.setContentLength(4096);
		response.getOutputStream().write(partial);
		response.flushBuffer();
		throw new DroppedConnectionException();
	}

	private static void html(HttpServletResponse response, int status, String page) throws IOException {
		byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("text/html; charset=utf-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private static String nginxPage(int status) {
		String reason = switch (status) {
			case 502 -> "Bad Gateway";
			case 503 -> "Service Temporarily Unavailable";
			default -> "Gateway Time-out";
		};
		return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status
				+ " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
	}

	/** Thrown after a partial response so that the server closes the connection. */
	static final class DroppedConnectionException extends IOException {

		DroppedConnectionException() {
			super("Sandbox fault: connection dropped on purpose", null);
		}

	}

}
