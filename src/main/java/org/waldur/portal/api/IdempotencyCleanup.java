package org.waldur.portal.api;

import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes (one instance at a time) deletes the idempotency keys older than
 * {@code portal.api.idempotency-key-time}.
 */
@Component
class IdempotencyCleanup {

	private final IdempotencyKeys keys;

	IdempotencyCleanup(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "api-idempotency-key-cleanup", lockAtMostFor = "PT5M")
	void deleteExpired() {
		this.keys.deleteExpired();
	}

}
