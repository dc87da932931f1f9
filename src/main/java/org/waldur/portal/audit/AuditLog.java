package org.waldur.portal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log: appends entries with the caller's transaction, chained by hash, and
 * searches, streams and verifies them. There is no way to change or remove an entry.
 */
@Service
public class AuditLog {

	/** Rows fetched per round trip when streaming. */
	static final int FETCH_SIZE = 1000;

	private static final String INSERT = "insert into audit_entry (occurred_at, actor, action, target_type, "
			+ "target_id, session_id, outcome, request_id, client_ip, detail, prev_hash, hash, key_version) values "
			+ "(:occurredAt, :actor, :action, :targetType, :targetId, :sessionId, :outcome, :requestId, :clientIp, "
			+ ":detail, :prevHash, :hash, " + AuditKey.KEYED + ")";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate writes;

	private final @Nullable EntityManagerFactory entityManagers;

	private final Clock clock;

	private final AuditKey key;

	AuditLog(DataSource dataSource, PlatformTransactionManager transactionManager,
			ObjectProvider<EntityManagerFactory> entityManagers, Clock clock, AuditKey key) {
		this.key = key;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.named = new NamedParameterJdbcTemplate(this.jdbc);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.writes = new TransactionTemplate(transactionManager);
		this.entityManagers = entityManagers.getIfAvailable();
		this.clock = clock;
	}

	/**
	 * Records an entry so that it commits or rolls back with the change it describes.
	 * Inside a transaction the entry is written when that transaction is about to commit,
	 * after its other changes (locking the head of the chain last); outside one it is
	 * written at once in a transaction of its own.
	 * @return the entry written, or {@code null} when it is written at the commit of the
	 * caller's transaction
	 */
	public @Nullable AuditEntry record(AuditRecord record) {
		AuditContext context = AuditContext.current(record.actor());
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			PendingEntries.current(this, this.entityManagers).add(record, context);
			return null;
		}
		return this.writes.execute((status) -> append(record, context));
	}

	/**
	 * Appends now, in the caller's transaction, with the context of the recording; the
	 * time is taken here so that entries in id order are also in time order.
	 */
	AuditEntry append(AuditRecord record, AuditContext context) {
		return append(record, this.clock.instant(), context);
	}

	/** Appends at a given time; the caller provides the transaction. */
	AuditEntry append(AuditRecord record, Instant when) {
		return append(record, when, AuditContext.current(record.actor()));
	}

	/** Appends at a given time, in the caller's transaction. */
	AuditEntry append(AuditRecord record, Instant when, AuditContext context) {
		Instant at = AuditHash.precision(when);
		String actor = AuditDetails.truncate(context.actor(), 128);
		String targetId = (record.targetId() != null) ? AuditDetails.truncate(record.targetId(), 128) : null;
		String clientIp = (context.clientIp() != null) ? AuditDetails.truncate(context.clientIp(), 64) : null;
		String detail = AuditDetails.clean(context.detail(record.detail()));
		// Locks the head of the chain until commit: appends are serialised. Entries
		// recorded
		// in a transaction get here only as it commits, so this is its last lock.
		String prevHash = Objects.requireNonNull(this.jdbc
			.queryForObject("select last_hash from audit_chain_head where id = 1 for update", String.class));
		String hash = AuditHash.keyed(this.key, prevHash, at, actor, record.action(), record.targetType(), targetId,
				record.sessionId(), record.outcome(), context.requestId(), clientIp, detail);
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("occurredAt", AuditQuery.time(at))
			.addValue("actor", actor)
			.addValue("action", record.action().name())
			.addValue("targetType", record.targetType())
			.addValue("targetId", targetId)
			.addValue("sessionId", record.sessionId())
			.addValue("outcome", record.outcome().name())
			.addValue("requestId", context.requestId())
			.addValue("clientIp", clientIp)
			.addValue("detail", detail)
			.addValue("prevHash", prevHash)
			.addValue("hash", hash);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.named.update(INSERT, row, keys, new String[] { "id" });
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		this.jdbc.update("update audit_chain_head set last_entry_id = ?, last_hash = ? where id = 1", id, hash);
		return new AuditEntry(id, at, actor, record.action(), record.targetType(), targetId, record.sessionId(),
				record.outcome(), context.requestId(), clientIp, detail, prevHash, hash, AuditKey.KEYED);
	}

	/**
	 * One page of the entries matching {@code filter}, newest first: the newest page, the
	 * page just older than {@code before}, or the page just newer than {@code after}.
	 */
	public AuditPage search(AuditFilter filter, @Nullable AuditCursor before, @Nullable AuditCursor after) {
		if (after != null) {
			List<AuditEntry> rows = query(new AuditQuery(filter).after(after), false, AuditPage.SIZE + 1);
			if (rows.size() < AuditPage.SIZE) {
				return search(filter, null, null);
			}
			List<AuditEntry> page = new ArrayList<>(rows.subList(0, AuditPage.SIZE));
			Collections.reverse(page);
			AuditCursor newer = (rows.size() > AuditPage.SIZE) ? AuditCursor.of(page.get(0)) : null;
			return new AuditPage(page, newer, AuditCursor.of(page.get(page.size() - 1)));
		}
		AuditQuery query = new AuditQuery(filter);
		List<AuditEntry> rows = query((before != null) ? query.before(before) : query, true, AuditPage.SIZE + 1);
		List<AuditEntry> page = rows.subList(0, Math.min(rows.size(), AuditPage.SIZE));
		AuditCursor newer = (before != null && !page.isEmpty()) ? AuditCursor.of(page.get(0)) : null;
		AuditCursor older = (rows.size() > AuditPage.SIZE) ? AuditCursor.of(page.get(page.size() - 1)) : null;
		return new AuditPage(List.copyOf(page), newer, older);
	}

	/** Every entry about an onboarding session, oldest first. */
	public List<AuditEntry> sessionTrail(long sessionId) {
		return query(new AuditQuery(new AuditFilter(null, null, sessionId, null, null, null)), false, null);
	}

	/**
	 * Streams every entry matching {@code filter}, oldest first, to {@code sink} with a
	 * database cursor, in constant memory.
	 * @return the number of entries streamed
	 */
	public long stream(AuditFilter filter, Consumer<AuditEntry> sink) {
		AuditQuery query = new AuditQuery(filter);
		Long count = this.readOnly.execute((status) -> {
			long[] rows = { 0 };
			this.named.query(query.select(false, null), query.parameters(), (rs) -> {
				sink.accept(AuditQuery.ROW.mapRow(rs, (int) rows[0]));
				rows[0]++;
			});
			return rows[0];
		});
		return (count != null) ? count : 0;
	}

	/**
	 * Walks the hash chain in id order and reports the first entry whose content or link
	 * does not match; the check itself is recorded.
	 */
	public IntegrityReport verify() {
		return verify(null);
	}

	/**
	 * Walks the hash chain as {@link #verify()} does and, given an exported checkpoint,
	 * also checks that it was signed with this portal's audit key and that the entry it
	 * names is still in the chain with the same hash; the check itself is recorded.
	 */
	public IntegrityReport verify(@Nullable String checkpointText) {
		IntegrityReport report;
		AuditCheckpoint checkpoint = (checkpointText != null && !checkpointText.isBlank())
				? AuditCheckpoint.parse(checkpointText).orElse(null) : null;
		if (checkpointText != null && !checkpointText.isBlank() && checkpoint == null) {
			report = new IntegrityReport(0, null, "the checkpoint is not in the exported form");
		}
		else if (checkpoint != null && !checkpoint.signedBy(this.key)) {
			report = new IntegrityReport(0, null,
					"the checkpoint was not signed with this portal's audit key, or it was changed");
		}
		else {
			report = this.readOnly.execute((status) -> new AuditChainCheck(this.jdbc, this.key, checkpoint).run());
		}
		Objects.requireNonNull(report);
		record(new AuditRecord(AuditAction.INTEGRITY_CHECKED,
				report.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, null, "audit_log", null, null,
				report.summary()));
		return report;
	}

	/**
	 * Signs the head of the chain as it is now, for safekeeping outside the portal; the
	 * export is recorded.
	 */
	public AuditCheckpoint checkpoint() {
		AuditCheckpoint checkpoint = this.readOnly.execute((status) -> this.jdbc.queryForObject(
				"select last_entry_id, last_hash from audit_chain_head where id = 1",
				(rs, row) -> AuditCheckpoint.issue(this.key, rs.getLong("last_entry_id"), rs.getString("last_hash"),
						this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
		Objects.requireNonNull(checkpoint);
		record(new AuditRecord(AuditAction.CHECKPOINT_EXPORTED, AuditOutcome.SUCCESS, null, "audit_log",
				String.valueOf(checkpoint.entryId()), null,
				"Checkpoint of entry #" + checkpoint.entryId() + " exported"));
		return checkpoint;
	}

	private List<AuditEntry> query(AuditQuery query, boolean newestFirst, @Nullable Integer limit) {
		return this.named.query(query.select(newestFirst, limit), query.parameters(), AuditQuery.ROW);
	}

}
