package org.waldur.portal.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the automation API.
 *
 * @param idempotencyKeyTime how long an {@code Idempotency-Key} and the answer it got are
 * kept: a repeat within it gets the same answer, after it the key is new again. At least
 * one minute; default 24 hours.
 */
@ConfigurationProperties("portal.api")
public record ApiProperties(@Nullable Duration idempotencyKeyTime) {

	public ApiProperties {
		if (idempotencyKeyTime == null) {
			idempotencyKeyTime = Duration.ofHours(24);
		}
		if (idempotencyKeyTime.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("portal.api.idempotency-key-time must be at least 1 minute");
		}
	}

	/** The time keys are kept, never {@code null}. */
	public Duration keyTime() {
		return java.util.Objects.requireNonNull(this.idempotencyKeyTime);
	}

}
