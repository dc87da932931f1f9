package org.waldur.portal.onboarding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's short lists load the steps of the sessions they show and no others,
 * however many sessions match (a sub-select fetch once loaded the steps of all of them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // shares the context of the other page tests
class HomeListsLoadingTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManagerFactory entityManagers;

	@Test
	void shortListsLoadOnlyTheStepsOfTheSessionsShown() {
		Instant now = Instant.now();
		for (int i = 0; i < 60; i++) {
			session("Waiting " + i, OnboardingStatus.NEEDS_ATTENTION, "home-op", now.minusSeconds(i));
			session("Mine " + i, OnboardingStatus.IN_PROGRESS, "home-owner", now.minusSeconds(i));
		}
		Statistics statistics = this.entityManagers.unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			List<OnboardingSession> waiting = this.onboarding.needingAttention();
			assertThat(waiting).hasSize(20);
			// Other tests of this context may have left sessions waiting too: count what
			// is shown.
			long shownSteps = waiting.stream().mapToLong((s) -> s.getSteps().size()).sum();
			assertThat(shownSteps).isPositive();
			assertThat(statistics.getEntityStatistics(StepExecution.class.getName()).getLoadCount())
				.isEqualTo(shownSteps);
			statistics.clear();
			List<OnboardingSession> mine = this.onboarding.recentOf("home-owner");
			assertThat(mine).hasSize(50).allSatisfy((s) -> assertThat(s.getSteps()).hasSize(2));
			assertThat(statistics.getEntityStatistics(StepExecution.class.getName()).getLoadCount()).isEqualTo(100);
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
	}

	private void session(String title, OnboardingStatus status, String owner, Instant updated) {
		this.jdbc.sql("""
				insert into onboarding_session (title, status, current_step, created_by, created_at, updated_at,
					service_token_displayed, version)
				values (?, ?, 'INTEGRATION', ?, ?, ?, false, 0)""")
			.params(title, status.name(), owner, updated.atOffset(ZoneOffset.UTC), updated.atOffset(ZoneOffset.UTC))
			.update();
		long id = this.jdbc.sql("select max(id) from onboarding_session").query(Long.class).single();
		for (String step : List.of("OFFERING", "INTEGRATION")) {
			this.jdbc.sql("insert into onboarding_step (session_id, step, status, attempts) values (?, ?, ?, 1)")
				.params(id, step, step.equals("OFFERING") ? "DONE" : "FAILED")
				.update();
		}
	}

}
