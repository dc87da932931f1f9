package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A call to Waldur did not succeed. Every subclass carries the {@link #exchange()} so the
 * failed call can be kept on record; messages never contain a token.
 */
public abstract sealed class WaldurException extends RuntimeException
		permits WaldurRejectedException, WaldurAuthorizationException, WaldurNotFoundException,
		WaldurUnavailableException, WaldurBusyException, WaldurProtocolException {

	private final WaldurExchange exchange;

	WaldurException(String message, WaldurExchange exchange, @Nullable Throwable cause) {
		super(message, cause);
		this.exchange = exchange;
	}

	WaldurException(String message, WaldurExchange exchange) {
		super(message);
		this.exchange = exchange;
	}

	/** The failed call, secrets masked. */
	public WaldurExchange exchange() {
		return this.exchange;
	}

	/** Whether the same call may succeed if simply tried again later. */
	public boolean retryable() {
		return false;
	}

}
