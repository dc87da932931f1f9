package org.waldur.portal.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock plus an offset that tests can move forward.
 */
class MutableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	void advance(Duration duration) {
		this.offset.updateAndGet((current) -> current.plus(duration));
	}

	void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

}
