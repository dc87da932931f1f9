package org.waldur.portal.waldur;

/**
 * Waldur has no such object, or does not show it to the token used (HTTP 404).
 */
public final class WaldurNotFoundException extends WaldurException {

	WaldurNotFoundException(String message, WaldurExchange exchange) {
		super(message, exchange);
	}

}
