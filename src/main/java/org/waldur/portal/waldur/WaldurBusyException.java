package org.waldur.portal.waldur;

/**
 * The portal already waits for as many answers from Waldur as it allows at once, so the
 * call was refused without being sent: nothing changed in Waldur, and it can be tried
 * again in a moment.
 */
public final class WaldurBusyException extends WaldurException {

	/** How its message starts, so that a recorded attempt can be told apart. */
	public static final String BUSY = "Waldur is busy, try again in a moment";

	WaldurBusyException(String message, WaldurExchange exchange, Throwable cause) {
		super(message, exchange, cause);
	}

	@Override
	public boolean retryable() {
		return true;
	}

}
