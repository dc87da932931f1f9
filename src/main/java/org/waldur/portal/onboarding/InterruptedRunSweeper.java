package org.waldur.portal.onboarding;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one place that decides a run was interrupted: every
 * {@code portal.waldur.sweep-interval} (one instance at a time) it moves runs still
 * marked running after {@code portal.waldur.interrupted-after} to "needs reconciliation".
 * Pages, the desk's queries and the counts then read the stored status.
 */
@Component
class InterruptedRunSweeper {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRunSweeper.class);

	private final Onboarding onboarding;

	InterruptedRunSweeper(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	@Scheduled(initialDelayString = "${portal.waldur.sweep-interval:30s}",
			fixedDelayString = "${portal.waldur.sweep-interval:30s}")
	@SchedulerLock(name = "interrupted-run-sweeper", lockAtMostFor = "PT5M")
	void sweep() {
		int moved = this.onboarding.interruptStaleRuns();
		if (moved > 0) {
			log.warn("{} interrupted step run(s) marked for reconciliation", moved);
		}
	}

}
