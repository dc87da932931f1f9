package org.waldur.portal.waldur;

import java.util.Objects;

/**
 * The outcome of a successful call: the typed value and the exchange to keep on record.
 *
 * @param <T> the type of the value
 * @param value what Waldur returned
 * @param exchange the call as recorded, secrets masked
 */
public record WaldurResult<T>(T value, WaldurExchange exchange) {

	public WaldurResult {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(exchange, "exchange");
	}

}
