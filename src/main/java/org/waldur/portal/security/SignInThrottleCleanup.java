package org.waldur.portal.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes (one instance at a time) deletes the sign-in counts nobody added to
 * for {@code portal.login.forget-after}, so names tried once do not pile up.
 */
@Component
class SignInThrottleCleanup {

	private final SignInThrottle throttle;

	SignInThrottleCleanup(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	@SchedulerLock(name = "sign-in-throttle-cleanup", lockAtMostFor = "PT5M")
	void forgetOld() {
		this.throttle.forgetOld();
	}

}
