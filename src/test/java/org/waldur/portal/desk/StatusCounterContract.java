package org.waldur.portal.desk;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-status counters the database keeps for the desk's unfiltered view agree with
 * counting the sessions, whatever writes them: single and bulk inserts, updates that move
 * or keep the status, deletes. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class StatusCounterContract {

	static final Viewer SUPPORT = new Viewer("support", Set.of(Role.SUPPORT));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskSearch search;

	@Test
	void countersFollowInsertsUpdatesAndDeletes() {
		DeskSeed seed = new DeskSeed(this.jdbc);
		Map<OnboardingStatus, Long> before = counted();
		assertThat(counters()).isEqualTo(before);
		Instant now = Instant.parse("2026-05-01T08:00:00Z");
		long first = seed.session("Counted 1", OnboardingStatus.DRAFT, OnboardingStep.OFFERING, "op-c", null, now, now,
				null, null);
		long second = seed.session("Counted 2", OnboardingStatus.IN_PROGRESS, OnboardingStep.ACTIVATION, "op-c", null,
				now, now, null, null);
		// One statement inserting many rows.
		this.jdbc.sql("""
				insert into onboarding_session (title, status, current_step, created_by, created_at, updated_at,
					customer_uuid, service_token_displayed, version)
				select title, status, current_step, created_by, created_at, updated_at, ?, false, 0
				from onboarding_session where customer_uuid = ?""")
			.params("bulk-" + seed.customerUuid, seed.customerUuid)
			.update();
		assertThat(delta(before)).containsEntry(OnboardingStatus.DRAFT, 2L)
			.containsEntry(OnboardingStatus.IN_PROGRESS, 2L)
			.containsEntry(OnboardingStatus.COMPLETED, 0L);
		this.jdbc.sql("update onboarding_session set status = 'COMPLETED' where id = ?").param(first).update();
		this.jdbc.sql("update onboarding_session set title = 'Renamed' where id = ?").param(second).update();
		// One statement moving rows in both directions between the same two statuses.
		this.jdbc
			.sql("update onboarding_session set status = case status when 'DRAFT' then 'IN_PROGRESS' "
					+ "else 'DRAFT' end where customer_uuid = ?")
			.param("bulk-" + seed.customerUuid)
			.update();
		assertThat(delta(before)).containsEntry(OnboardingStatus.DRAFT, 1L)
			.containsEntry(OnboardingStatus.IN_PROGRESS, 2L)
			.containsEntry(OnboardingStatus.COMPLETED, 1L);
		this.jdbc.sql("delete from onboarding_session where customer_uuid = ?")
			.param("bulk-" + seed.customerUuid)
			.update();
		assertThat(delta(before)).containsEntry(OnboardingStatus.DRAFT, 0L)
			.containsEntry(OnboardingStatus.IN_PROGRESS, 1L)
			.containsEntry(OnboardingStatus.COMPLETED, 1L);
		assertThat(counters()).isEqualTo(counted());
	}

	@Test
	void unfilteredDeskCountsComeFromTheCountersAndMatchTheSessions() {
		DeskSeed seed = new DeskSeed(this.jdbc);
		Instant now = Instant.parse("2026-05-02T08:00:00Z");
		seed.session("Listed", OnboardingStatus.NEEDS_ATTENTION, OnboardingStep.SERVICE_ACCOUNT, "op-d", null, now, now,
				null, null);
		DeskPage page = this.search.search(DeskQuery.of(DeskFilter.NONE), SUPPORT);
		assertThat(page.counts()).isEqualTo(counted());
		assertThat(page.total()).isEqualTo(counted().values().stream().mapToLong(Long::longValue).sum());
		// Proves the page read the counters: skew one and the page shows it.
		this.jdbc.sql("update onboarding_status_count set sessions = sessions + 1000 where status = 'ABANDONED'")
			.update();
		try {
			assertThat(this.search.search(DeskQuery.of(DeskFilter.NONE), SUPPORT).counts())
				.containsEntry(OnboardingStatus.ABANDONED, counted().get(OnboardingStatus.ABANDONED) + 1000);
		}
		finally {
			this.jdbc.sql("update onboarding_status_count set sessions = sessions - 1000 where status = 'ABANDONED'")
				.update();
		}
	}

	Map<OnboardingStatus, Long> counters() {
		return read("select status, sessions from onboarding_status_count");
	}

	Map<OnboardingStatus, Long> counted() {
		return read("select status, count(*) from onboarding_session group by status");
	}

	private Map<OnboardingStatus, Long> delta(Map<OnboardingStatus, Long> before) {
		Map<OnboardingStatus, Long> now = counters();
		Map<OnboardingStatus, Long> delta = new EnumMap<>(OnboardingStatus.class);
		now.forEach((status, count) -> delta.put(status, count - before.get(status)));
		return delta;
	}

	private Map<OnboardingStatus, Long> read(String sql) {
		Map<OnboardingStatus, Long> counts = new EnumMap<>(OnboardingStatus.class);
		for (OnboardingStatus status : OnboardingStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql(sql).query((rs) -> {
			counts.put(OnboardingStatus.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

}
