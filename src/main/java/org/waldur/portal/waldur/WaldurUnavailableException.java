package org.waldur.portal.waldur;

/**
 * Waldur could not be reached or failed on its side (HTTP 5xx, time-out, connection
 * failure). Nothing was changed, so the call can be tried again later.
 */
public sealed class WaldurUnavailableException extends WaldurException permits WaldurOutcomeUnknownException {

	WaldurUnavailableException(String message, WaldurExchange exchange, Throwable cause) {
		super(message, exchange, cause);
	}

	WaldurUnavailableException(String message, WaldurExchange exchange) {
		super(message, exchange);
	}

	@Override
	public boolean retryable() {
		return true;
	}

}
