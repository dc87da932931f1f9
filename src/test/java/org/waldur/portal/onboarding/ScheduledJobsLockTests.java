package org.waldur.portal.onboarding;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs run once across portal instances: each carries a database lock.
 */
class ScheduledJobsLockTests {

	@Test
	void everyScheduledJobIsLocked() {
		List<Method> scheduled = new ArrayList<>();
		for (Method method : AttemptBodyRetention.class.getDeclaredMethods()) {
			if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
				scheduled.add(method);
			}
		}
		assertThat(scheduled).isNotEmpty()
			.allSatisfy((method) -> assertThat(method.getAnnotation(SchedulerLock.class)).isNotNull());
	}

}
