package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * Waldur's answer could not be understood: a body that is not the expected JSON, or an
 * unexpected status. The raw body (secrets masked) is kept in the {@link #exchange()}.
 */
public final class WaldurProtocolException extends WaldurException {

	WaldurProtocolException(String message, WaldurExchange exchange, @Nullable Throwable cause) {
		super(message, exchange, cause);
	}

	/** The body as received, secrets masked and truncated, or {@code null} if none. */
	public @Nullable String rawBody() {
		return exchange().responseBody();
	}

}
