package org.waldur.portal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log itself on H2: append, keyset paging with filters, the hash chain and its
 * check against rows changed behind the portal's back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTests {

	@Autowired
	AuditLog log;

	@Autowired
	AuditKey key;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void pagesWalkEveryEntryOnceInBothDirectionsIncludingTies() {
		String actor = AuditTestSupport.uniqueActor("pager");
		Instant base = Instant.parse("2030-01-01T00:00:00Z");
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			// Sixty entries share one instant: the id breaks the tie.
			times.add((i < 60) ? base : base.plusSeconds(i));
		}
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor, times);
		List<Long> expected = written.stream()
			.sorted(Comparator.comparing(AuditEntry::getOccurredAt).thenComparing(AuditEntry::getId).reversed())
			.map(AuditEntry::getId)
			.toList();
		AuditFilter filter = AuditFilter.byActor(actor);

		List<AuditPage> pages = new ArrayList<>();
		AuditPage page = this.log.search(filter, null, null);
		pages.add(page);
		while (page.older() != null) {
			page = this.log.search(filter, page.older(), null);
			pages.add(page);
		}
		assertThat(pages).extracting((p) -> p.entries().size()).containsExactly(50, 50, 20);
		assertThat(pages.get(0).newer()).isNull();
		assertThat(pages.get(2).older()).isNull();
		assertThat(pages.stream().flatMap((p) -> p.entries().stream()).map(AuditEntry::getId).toList())
			.isEqualTo(expected);

		AuditPage back = this.log.search(filter, null, pages.get(2).newer());
		assertThat(back.entries()).extracting(AuditEntry::getId)
			.isEqualTo(pages.get(1).entries().stream().map(AuditEntry::getId).toList());
		AuditPage first = this.log.search(filter, null, back.newer());
		assertThat(first.entries()).extracting(AuditEntry::getId).isEqualTo(expected.subList(0, 50));
		assertThat(first.newer()).isNull();
	}

	@Test
	void filtersCombineAndEmptyResultsHaveNoNeighbours() {
		String actor = AuditTestSupport.uniqueActor("filter");
		Instant base = Instant.parse("2031-05-01T12:00:00Z");
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor,
				List.of(base, base.plusSeconds(60), base.plusSeconds(120), base.plusSeconds(180)));
		AuditEntry session = AuditTestSupport.append(this.log, this.transactions, AuditRecord
			.session(AuditAction.SESSION_ABANDONED, AuditOutcome.SUCCESS, actor, 987654321L, "Abandoned: test"),
				base.plusSeconds(240));

		assertThat(ids(new AuditFilter(actor, null, null, null, null, AuditOutcome.FAILURE)))
			.containsExactly(written.get(3).getId(), written.get(0).getId());
		assertThat(ids(new AuditFilter(actor, AuditAction.SESSION_ABANDONED, null, null, null, null)))
			.containsExactly(session.getId());
		assertThat(ids(new AuditFilter(null, null, 987654321L, null, null, null))).containsExactly(session.getId());
		assertThat(ids(new AuditFilter(actor, null, null, base.plusSeconds(60), base.plusSeconds(180), null)))
			.containsExactly(written.get(2).getId(), written.get(1).getId());

		AuditPage empty = this.log.search(new AuditFilter(actor, AuditAction.TOKEN_REFRESHED, null, null, null, null),
				null, null);
		assertThat(empty.entries()).isEmpty();
		assertThat(empty.newer()).isNull();
		assertThat(empty.older()).isNull();
		assertThat(
				this.log.search(AuditFilter.byActor(actor), new AuditCursor(base.minusSeconds(1), 0), null).entries())
			.isEmpty();
	}

	@Test
	void entriesAreChainedAndTheChainIsIntact() {
		String actor = AuditTestSupport.uniqueActor("chain");
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor,
				List.of(Instant.now(), Instant.now()));
		assertThat(written.get(1).getPrevHash()).isEqualTo(written.get(0).getHash());
		assertThat(written.get(0).getHash()).hasSize(64).isEqualTo(AuditHash.of(written.get(0), this.key));
		IntegrityReport report = this.log.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
		assertThat(report.checked()).isGreaterThanOrEqualTo(2);
		assertThat(this.log
			.search(new AuditFilter(null, AuditAction.INTEGRITY_CHECKED, null, null, null, null), null, null)
			.entries()
			.get(0)
			.getDetail()).isEqualTo(report.summary());
	}

	@Test
	void aRowChangedBehindThePortalsBackIsFoundByItsId() throws Exception {
		String actor = AuditTestSupport.uniqueActor("tamper");
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor,
				List.of(Instant.now(), Instant.now(), Instant.now()));
		AuditEntry victim = written.get(1);
		try {
			plainJdbc("update audit_entry set detail = ? where id = ?", "nothing happened here", victim.getId());
			IntegrityReport report = this.log.verify();
			assertThat(report.intact()).isFalse();
			assertThat(report.brokenAt()).isEqualTo(victim.getId());
			assertThat(report.reason()).contains("content does not match");
			assertThat(report.summary()).startsWith("broken at entry #" + victim.getId());
		}
		finally {
			plainJdbc("update audit_entry set detail = ? where id = ?", victim.getDetail(), victim.getId());
		}
		assertThat(this.log.verify().intact()).isTrue();
	}

	@Test
	void aRemovedRowBreaksTheLinkOfTheNextOne() throws Exception {
		String actor = AuditTestSupport.uniqueActor("removed");
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor,
				List.of(Instant.now(), Instant.now(), Instant.now()));
		AuditEntry removed = written.get(1);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		var row = jdbc.queryForMap("select * from audit_entry where id = ?", removed.getId());
		try {
			plainJdbc("delete from audit_entry where id = ?", removed.getId());
			IntegrityReport report = this.log.verify();
			assertThat(report.brokenAt()).isEqualTo(written.get(2).getId());
			assertThat(report.reason()).contains("does not link");
		}
		finally {
			jdbc.update(
					"insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, session_id, "
							+ "outcome, request_id, client_ip, detail, prev_hash, hash, key_version) "
							+ "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
					row.get("id"), row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("target_type"),
					row.get("target_id"), row.get("session_id"), row.get("outcome"), row.get("request_id"),
					row.get("client_ip"), row.get("detail"), row.get("prev_hash"), row.get("hash"),
					row.get("key_version"));
		}
		assertThat(this.log.verify().intact()).isTrue();
	}

	@Test
	void concurrentAppendsNeverChainToTheSamePredecessor() throws Exception {
		String actor = AuditTestSupport.uniqueActor("concurrent");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						this.log.record(new AuditRecord(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, actor, null, null,
								null, "concurrent " + i));
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long count = this.log.stream(AuditFilter.byActor(actor), (entry) -> {
		});
		assertThat(count).isEqualTo(100);
		IntegrityReport report = this.log.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	@Test
	void microsecondsSurviveTheRoundTripSoHashesStayValid() {
		String actor = AuditTestSupport.uniqueActor("precision");
		Instant nanos = Instant.parse("2032-02-02T02:02:02.123456789Z");
		AuditEntry entry = AuditTestSupport.appendAll(this.log, this.transactions, actor, List.of(nanos)).get(0);
		AuditEntry stored = this.log.search(AuditFilter.byActor(actor), null, null).entries().get(0);
		assertThat(stored.getOccurredAt()).isEqualTo(nanos.truncatedTo(ChronoUnit.MICROS));
		assertThat(AuditHash.of(stored, this.key)).isEqualTo(entry.getHash()).isEqualTo(stored.getHash());
	}

	private List<Long> ids(AuditFilter filter) {
		return this.log.search(filter, null, null).entries().stream().map(AuditEntry::getId).toList();
	}

	private void plainJdbc(String sql, Object... parameters) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}
	}

}
