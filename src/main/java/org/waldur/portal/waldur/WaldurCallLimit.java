package org.waldur.portal.waldur;

import java.util.function.Supplier;

import org.springframework.resilience.InvocationRejectedException;
import org.springframework.util.ConcurrencyThrottleSupport;

/**
 * Bounds the calls to Waldur that are waiting for an answer at the same time, rejecting
 * instead of queueing: the throttle behind Spring's
 * {@code @ConcurrencyLimit(policy = REJECT)}, applied to the transport, which is not a
 * Spring bean.
 */
final class WaldurCallLimit extends ConcurrencyThrottleSupport {

	WaldurCallLimit(int limit) {
		setConcurrencyLimit(limit);
	}

	/**
	 * Runs {@code call} if fewer than the limit are running.
	 * @throws InvocationRejectedException at once, without running it, otherwise
	 */
	<T> T call(Supplier<T> call) {
		beforeAccess();
		try {
			return call.get();
		}
		finally {
			afterAccess();
		}
	}

	@Override
	protected void onLimitReached() {
		throw new InvocationRejectedException(
				"Concurrency limit of " + getConcurrencyLimit() + " calls to Waldur reached", this);
	}

}
