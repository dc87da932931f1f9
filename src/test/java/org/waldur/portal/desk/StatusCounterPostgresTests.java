package org.waldur.portal.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status counters on PostgreSQL, kept by statement triggers; and sessions moving
 * between the same statuses in opposite directions at once neither deadlock nor lose a
 * count.
 */
@SpringBootTest
class StatusCounterPostgresTests extends StatusCounterContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

	@Test
	void opposingMovesAtOnceDoNotDeadlock() throws Exception {
		DeskSeed seed = new DeskSeed(this.jdbc);
		Instant now = Instant.parse("2026-05-03T08:00:00Z");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(seed.session("Moving " + i, (i % 2 == 0) ? OnboardingStatus.DRAFT : OnboardingStatus.COMPLETED,
					OnboardingStep.OFFERING, "op-e", null, now, now, null, null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(ids.size());
		try {
			List<Callable<Integer>> movers = new ArrayList<>();
			for (long id : ids) {
				movers.add(() -> {
					for (int round = 0; round < 150; round++) {
						this.jdbc
							.sql("update onboarding_session set status = case status when 'DRAFT' then "
									+ "'COMPLETED' else 'DRAFT' end where id = ?")
							.param(id)
							.update();
					}
					return 150;
				});
			}
			int moves = 0;
			for (Future<Integer> mover : pool.invokeAll(movers)) {
				moves += mover.get();
			}
			assertThat(moves).isEqualTo(1200);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(counters()).isEqualTo(counted());
	}

}
