package org.waldur.portal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with every right on the database (triggers switched off on PostgreSQL) but
 * without the audit key rewrites the audit chain: one entry changed with every later hash
 * recomputed and the head row moved, or the newest entries removed. Each test class runs
 * in a context of its own, on a database of its own, made anew for each test.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
abstract class AuditRewriteContract {

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void aRewriteWithEveryLaterHashRecomputedIsFound() throws SQLException {
		List<AuditEntry> written = entries("rewrite");
		AuditEntry victim = written.get(1);
		rewrite(victim.getId(), "all fine", false);
		IntegrityReport report = this.log.verify();
		assertThat(report.intact()).as(report.summary()).isFalse();
		assertThat(report.brokenAt()).isEqualTo(victim.getId());
	}

	@Test
	void aRewriteThatMarksTheEntriesAsUnkeyedIsFound() throws SQLException {
		List<AuditEntry> written = entries("downgrade");
		AuditEntry victim = written.get(1);
		rewrite(victim.getId(), "all fine", true);
		IntegrityReport report = this.log.verify();
		assertThat(report.intact()).as(report.summary()).isFalse();
		assertThat(report.brokenAt()).isEqualTo(victim.getId());
		assertThat(report.reason()).contains("no key");
	}

	@Test
	void removingTheNewestEntriesIsFoundAgainstAnExportedCheckpoint() throws SQLException {
		List<AuditEntry> written = entries("truncate");
		AuditCheckpoint checkpoint = this.log.checkpoint();
		assertThat(checkpoint.entryId()).isGreaterThanOrEqualTo(written.get(2).getId());
		IntegrityReport before = this.log.verify(checkpoint.line());
		assertThat(before.intact()).as(before.summary()).isTrue();
		assertThat(before.summary()).contains("checkpoint of entry #" + checkpoint.entryId());

		AuditEntry keep = written.get(0);
		asOwner("delete from audit_entry where id > " + keep.getId(), "update audit_chain_head set last_entry_id = "
				+ keep.getId() + ", last_hash = '" + keep.getHash() + "' where id = 1");
		assertThat(new AuditChainCheck(new JdbcTemplate(this.dataSource), key(), null).run().intact())
			.as("without a checkpoint the shortened chain looks whole")
			.isTrue();
		IntegrityReport after = new AuditChainCheck(new JdbcTemplate(this.dataSource), key(), checkpoint).run();
		assertThat(after.intact()).as(after.summary()).isFalse();
		assertThat(after.reason()).contains("#" + checkpoint.entryId()).contains("removed");
	}

	@Test
	void aCheckpointThatWasChangedOrMadeUpIsRefused() {
		entries("forged");
		AuditCheckpoint checkpoint = this.log.checkpoint();
		String forged = new AuditCheckpoint(checkpoint.entryId() - 1, checkpoint.hash(), checkpoint.issuedAt(),
				checkpoint.mac())
			.line();
		assertThat(this.log.verify(forged).reason()).contains("not signed with this portal's audit key");
		assertThat(this.log.verify("entry=1 hash=abc").reason()).contains("not in the exported form");
		assertThat(this.log.verify(checkpoint.line()).intact()).isTrue();
	}

	abstract AuditKey key();

	private List<AuditEntry> entries(String name) {
		return AuditTestSupport.appendAll(this.log, this.transactions, AuditTestSupport.uniqueActor(name),
				List.of(Instant.now(), Instant.now(), Instant.now(), Instant.now()));
	}

	/**
	 * Changes the victim's detail and recomputes every later hash as the unkeyed chain
	 * did (SHA-256 without a key), moving the head row to the new last hash.
	 */
	private void rewrite(long victimId, String detail, boolean markUnkeyed) throws SQLException {
		List<AuditEntry> chain = new JdbcTemplate(this.dataSource).query(
				"select " + AuditQuery.COLUMNS + " from audit_entry where id >= ? order by id", AuditQuery.ROW,
				victimId);
		String prev = chain.get(0).getPrevHash();
		try (Connection connection = this.dataSource.getConnection()) {
			withoutTriggers(connection, true);
			try (PreparedStatement update = connection
				.prepareStatement("update audit_entry set detail = ?, prev_hash = ?, hash = ? where id = ?")) {
				for (AuditEntry entry : chain) {
					String text = (entry.getId() == victimId) ? detail : entry.getDetail();
					String hash = AuditHash.of(prev, entry.getOccurredAt(), entry.getActor(), entry.getAction(),
							entry.getTargetType(), entry.getTargetId(), entry.getSessionId(), entry.getOutcome(),
							entry.getRequestId(), entry.getClientIp(), text);
					update.setString(1, text);
					update.setString(2, prev);
					update.setString(3, hash);
					update.setLong(4, entry.getId());
					assertThat(update.executeUpdate()).isEqualTo(1);
					prev = hash;
				}
			}
			try (Statement statement = connection.createStatement()) {
				if (markUnkeyed) {
					statement.executeUpdate("update audit_entry set key_version = 0 where id >= " + victimId);
				}
				statement.executeUpdate("update audit_chain_head set last_hash = '" + prev + "' where id = 1");
			}
			withoutTriggers(connection, false);
		}
	}

	private void asOwner(String... sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			withoutTriggers(connection, true);
			for (String each : sql) {
				statement.executeUpdate(each);
			}
			withoutTriggers(connection, false);
		}
	}

	private static void withoutTriggers(Connection connection, boolean off) throws SQLException {
		if (connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set session_replication_role = " + (off ? "replica" : "origin"));
			}
		}
	}

}
