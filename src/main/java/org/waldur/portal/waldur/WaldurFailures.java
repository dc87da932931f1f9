package org.waldur.portal.waldur;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;

/**
 * Turns Waldur's error statuses and transport failures into the client's exceptions. This
 * is the only place where that translation happens.
 */
final class WaldurFailures {

	private static final int SNIPPET_CHARS = 200;

	private final JsonMapper json;

	WaldurFailures(JsonMapper json) {
		this.json = json;
	}

	/** The exception for a non-2xx status. */
	WaldurException forStatus(WaldurCall call, int status, String body, WaldurExchange exchange, String secret) {
		WaldurOperation operation = call.operation();
		if (status >= 500) {
			return serverError(call, status, exchange, secret, body);
		}
		if (status == 401 || status == 403) {
			return authorization(operation, status, exchange, detail(status, body, secret));
		}
		if (status == 404) {
			return new WaldurNotFoundException("Waldur has no such object for " + operation.description() + " (404: "
					+ detail(status, body, secret) + ")", exchange);
		}
		if (status == 429) {
			return new WaldurUnavailableException(
					"Waldur is throttling requests while " + operation.description() + " (429); try again later",
					exchange);
		}
		if (status >= 400) {
			return rejected(operation, status, body, exchange, secret);
		}
		return unreadable(call, exchange, "an unexpected status " + status, null);
	}

	/** The exception for a call that got no response. */
	WaldurException forTransport(WaldurCall call, WaldurExchange exchange, Throwable failure, Duration timeout) {
		String operation = call.operation().description();
		if (has(failure, DataBufferLimitException.class)) {
			return unreadable(call, exchange, "a body too large to read", failure);
		}
		if (notSent(failure)) {
			return new WaldurUnavailableException("Cannot reach Waldur while " + operation + ": " + reason(failure),
					exchange, failure);
		}
		String what = timedOut(failure) ? "Waldur did not answer within " + plain(timeout)
				: "the connection to Waldur broke before its answer arrived";
		if (call.changing()) {
			return new WaldurOutcomeUnknownException("The outcome of " + operation + " is unknown: " + what
					+ "; look it up in Waldur before trying again", exchange, failure);
		}
		return new WaldurUnavailableException("Waldur is unavailable while " + operation + ": " + what, exchange,
				failure);
	}

	/**
	 * The exception for a call refused unsent because {@code limit} calls wait already.
	 */
	WaldurBusyException busy(WaldurCall call, WaldurExchange exchange, int limit, Throwable cause) {
		return new WaldurBusyException(
				WaldurBusyException.BUSY + ": the portal is already waiting for " + limit
						+ " answers from Waldur, so nothing was sent for " + call.operation().description() + ".",
				exchange, cause);
	}

	/**
	 * The exception for a body that cannot be read. A change Waldur answered with success
	 * has most likely been made, whatever its body: its outcome is unknown, so that the
	 * next try looks Waldur up first rather than sending it again.
	 */
	WaldurException unreadable(WaldurCall call, WaldurExchange exchange, String problem, @Nullable Throwable cause) {
		String body = exchange.responseBody();
		String snippet = (body == null || body.isEmpty()) ? "(empty body)"
				: (body.length() > SNIPPET_CHARS) ? body.substring(0, SNIPPET_CHARS) + "…" : body;
		Integer status = exchange.status();
		if (call.changing() && status != null && status >= 200 && status < 300) {
			String message = "The outcome of " + call.operation().description() + " is unknown: Waldur answered "
					+ status + ", but its answer could not be understood (" + problem
					+ "); Waldur has probably made the change, so look it up in Waldur before trying again";
			return (cause != null) ? new WaldurOutcomeUnknownException(message, exchange, cause)
					: new WaldurOutcomeUnknownException(message, exchange);
		}
		return new WaldurProtocolException("Waldur's answer to " + call.operation().description() + " ("
				+ exchange.summary() + ") could not be understood: " + problem + ". Body: " + snippet, exchange, cause);
	}

	private WaldurException serverError(WaldurCall call, int status, WaldurExchange exchange, String secret,
			String body) {
		String operation = call.operation().description();
		if (call.changing() && (status == 502 || status == 504)) {
			return new WaldurOutcomeUnknownException("The outcome of " + operation + " is unknown: a gateway answered "
					+ status + "; look it up in Waldur before trying again", exchange);
		}
		return new WaldurUnavailableException(
				"Waldur failed while " + operation + " (" + status + ": " + detail(status, body, secret) + ")",
				exchange);
	}

	private static WaldurAuthorizationException authorization(WaldurOperation operation, int status,
			WaldurExchange exchange, String detail) {
		String kind = exchange.credentialKind().description();
		String refused = "Waldur refused the " + kind + " (" + status + ": " + detail + ")";
		String message = (status == 403)
				? operation.capitalized() + " needs " + operation.requirement() + "; " + refused : refused;
		return new WaldurAuthorizationException(message, exchange);
	}

	private WaldurException rejected(WaldurOperation operation, int status, String body, WaldurExchange exchange,
			String secret) {
		JsonNode tree = readTree(body);
		if (tree == null && !body.isBlank()) {
			return new WaldurProtocolException("Waldur rejected " + operation.description() + " (" + status
					+ ") with a body that is not JSON; see the exchange for the raw body", exchange, null);
		}
		WaldurErrors errors = (tree != null) ? WaldurErrors.parse(tree)
				: WaldurErrors.parse(this.json.getNodeFactory().arrayNode().add(reasonPhrase(status)));
		String summary = errors.isEmpty() ? reasonPhrase(status) : errors.summary();
		return new WaldurRejectedException(
				scrub("Waldur rejected " + operation.description() + " (" + status + "): " + summary, secret), exchange,
				scrub(errors.fieldErrors(), secret), scrub(errors.globalErrors(), secret));
	}

	private String detail(int status, String body, String secret) {
		JsonNode tree = readTree(body);
		if (tree != null && tree.isObject() && tree.path("detail").isString()) {
			return scrub(tree.path("detail").asString(), secret);
		}
		if (tree != null && tree.isContainer()) {
			String summary = WaldurErrors.parse(tree).summary();
			return summary.isEmpty() ? reasonPhrase(status) : scrub(summary, secret);
		}
		return reasonPhrase(status);
	}

	private @Nullable JsonNode readTree(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String reasonPhrase(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status;
	}

	private static String scrub(String text, String secret) {
		return (secret.length() >= 4) ? text.replace(secret, SecretMasking.MASK) : text;
	}

	private static List<String> scrub(List<String> messages, String secret) {
		return messages.stream().map((message) -> scrub(message, secret)).toList();
	}

	private static Map<String, List<String>> scrub(Map<String, List<String>> messages, String secret) {
		Map<String, List<String>> scrubbed = new LinkedHashMap<>();
		messages.forEach((field, list) -> scrubbed.put(field, scrub(list, secret)));
		return scrubbed;
	}

	private static boolean notSent(Throwable failure) {
		return has(failure, ConnectException.class) || has(failure, ConnectTimeoutException.class)
				|| has(failure, UnknownHostException.class) || has(failure, NoRouteToHostException.class);
	}

	private static boolean timedOut(Throwable failure) {
		return has(failure, ReadTimeoutException.class) || has(failure, TimeoutException.class);
	}

	/**
	 * A time-out in plain words: whole seconds as {@code 30 s}, other times in
	 * milliseconds ({@code 1500 ms}).
	 */
	static String plain(Duration timeout) {
		long millis = timeout.toMillis();
		return (millis >= 1000 && millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	private static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null && !message.isBlank()) ? message : root.getClass().getSimpleName();
	}

	private static boolean has(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
