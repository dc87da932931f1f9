package org.waldur.portal.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL the database itself refuses to change or remove audit entries; search,
 * streaming and the chain check work there too, and the check still finds a row that
 * someone with superuser rights changed by switching the triggers off.
 */
@SpringBootTest
class AuditPostgresTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void updatesDeletesAndTruncatesOfAuditRowsAreRefused() {
		AuditEntry entry = this.log.record(new AuditRecord(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, "pg-user",
				"account", "pg-user", null, "Signed in"));
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThatThrownBy(() -> jdbc.update("update audit_entry set detail = 'x' where id = ?", entry.getId()))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", entry.getId()))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("truncate audit_entry")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_chain_head")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(jdbc.queryForObject("select detail from audit_entry where id = ?", String.class, entry.getId()))
			.isEqualTo("Signed in");
	}

	@Test
	void searchStreamAndVerifyWorkOnPostgres() {
		String actor = AuditTestSupport.uniqueActor("pg");
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 75; i++) {
			times.add(Instant.parse("2037-07-07T07:00:00.123456Z").plusSeconds(i / 2));
		}
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor, times);
		AuditPage first = this.log.search(AuditFilter.byActor(actor), null, null);
		AuditPage second = this.log.search(AuditFilter.byActor(actor), first.older(), null);
		assertThat(first.entries()).hasSize(50);
		assertThat(second.entries()).hasSize(25);
		assertThat(second.older()).isNull();
		assertThat(second.entries().get(24).getId()).isEqualTo(written.get(0).getId());
		assertThat(first.entries().get(0).getOccurredAt()).isEqualTo(written.get(74).getOccurredAt());
		assertThat(this.log.stream(AuditFilter.byActor(actor), (entry) -> {
		})).isEqualTo(75);
		IntegrityReport report = this.log.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	@Test
	void aRowChangedWithTheTriggersSwitchedOffIsStillFound() throws Exception {
		String actor = AuditTestSupport.uniqueActor("pg-tamper");
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor,
				List.of(Instant.now(), Instant.now(), Instant.now()));
		AuditEntry victim = written.get(1);
		try {
			asSuperuserWithoutTriggers(
					"update audit_entry set outcome = 'SUCCESS', detail = 'all fine' where id = " + victim.getId());
			IntegrityReport report = this.log.verify();
			assertThat(report.brokenAt()).isEqualTo(victim.getId());
		}
		finally {
			asSuperuserWithoutTriggers("update audit_entry set outcome = '" + victim.getOutcome() + "', detail = '"
					+ victim.getDetail() + "' where id = " + victim.getId());
		}
		assertThat(this.log.verify().intact()).isTrue();
	}

	@Test
	void concurrentAppendsStayOneChain() throws Exception {
		String actor = AuditTestSupport.uniqueActor("pg-concurrent");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						this.log.record(new AuditRecord(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, actor, null, null,
								null, "concurrent " + i));
					}
				}));
			}
			for (java.util.concurrent.Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.log.stream(AuditFilter.byActor(actor), (entry) -> {
		})).isEqualTo(100);
		IntegrityReport report = this.log.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	private void asSuperuserWithoutTriggers(String sql) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
			try {
				assertThat(statement.executeUpdate(sql)).isEqualTo(1);
			}
			finally {
				statement.execute("set session_replication_role = origin");
			}
		}
	}

}
