package org.waldur.portal.waldur;

/**
 * A changing request (POST) was sent but its outcome is unknown: the response timed out,
 * the connection broke after sending, or a gateway answered 502/504. Waldur may or may
 * not have applied it, so look the object up before trying again.
 */
public final class WaldurOutcomeUnknownException extends WaldurUnavailableException {

	WaldurOutcomeUnknownException(String message, WaldurExchange exchange, Throwable cause) {
		super(message, exchange, cause);
	}

	WaldurOutcomeUnknownException(String message, WaldurExchange exchange) {
		super(message, exchange);
	}

}
