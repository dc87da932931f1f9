package org.waldur.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One walk over the hash chain, in id order with a database cursor, up to the head that
 * was current when the walk began (later appends are left for the next check). Keyed
 * entries must carry the HMAC under the audit key, and once one has, no later entry may
 * be unkeyed. With a checkpoint, the entry it names must still be there with its hash.
 */
final class AuditChainCheck {

	private final JdbcTemplate jdbc;

	private final AuditKey key;

	private final @Nullable AuditCheckpoint checkpoint;

	AuditChainCheck(JdbcTemplate jdbc, AuditKey key, @Nullable AuditCheckpoint checkpoint) {
		this.jdbc = jdbc;
		this.key = key;
		this.checkpoint = checkpoint;
	}

	IntegrityReport run() {
		IntegrityReport report = walkChain();
		if (!report.intact() || this.checkpoint == null) {
			return report;
		}
		if (report.checkpoint() == null) {
			return new IntegrityReport(report.checked(), null, "the entry #" + this.checkpoint.entryId()
					+ " of the checkpoint is not in the chain (entries were removed)");
		}
		return report;
	}

	private IntegrityReport walkChain() {
		Head head = this.jdbc.queryForObject("select last_entry_id, last_hash from audit_chain_head where id = 1",
				(rs, row) -> new Head(nullableLong(rs, "last_entry_id"), rs.getString("last_hash")));
		if (head == null || head.lastId() == null) {
			return new IntegrityReport(0, null, null);
		}
		IntegrityReport report = this.jdbc.query(
				"select " + AuditQuery.COLUMNS + " from audit_entry where id <= ? order by id",
				(ResultSet rs) -> walk(rs, head), head.lastId());
		return (report != null) ? report : new IntegrityReport(0, null, null);
	}

	private IntegrityReport walk(ResultSet rs, Head head) throws SQLException {
		String expectedPrev = AuditHash.GENESIS;
		long checked = 0;
		AuditEntry last = null;
		boolean keyed = false;
		Long matched = null;
		while (rs.next()) {
			AuditEntry entry = AuditQuery.ROW.mapRow(rs, (int) checked);
			checked++;
			if (!entry.getPrevHash().equals(expectedPrev)) {
				return broken(checked, entry,
						"it does not link to the entry before it (an entry was removed, " + "inserted or changed)");
			}
			if (keyed && entry.getKeyVersion() == AuditKey.UNKEYED) {
				return broken(checked, entry, "it has no key but follows keyed entries (the chain was rewritten)");
			}
			if (!AuditHash.of(entry, this.key).equals(entry.getHash())) {
				return broken(checked, entry, "its content does not match its hash (the entry was changed)");
			}
			if (this.checkpoint != null && entry.getId() == this.checkpoint.entryId()) {
				if (!entry.getHash().equals(this.checkpoint.hash())) {
					return broken(checked, entry, "it differs from the exported checkpoint (the chain was rewritten)");
				}
				matched = entry.getId();
			}
			keyed = keyed || entry.getKeyVersion() != AuditKey.UNKEYED;
			expectedPrev = entry.getHash();
			last = entry;
		}
		if (last == null || last.getId() != head.lastId() || !last.getHash().equals(head.lastHash())) {
			long at = (last != null) ? last.getId() : head.lastId();
			return new IntegrityReport(checked, at,
					"the chain ends here but the recorded head is entry #" + head.lastId() + " (entries removed)");
		}
		return new IntegrityReport(checked, null, null, matched);
	}

	private static IntegrityReport broken(long checked, AuditEntry entry, String reason) {
		return new IntegrityReport(checked, entry.getId(), reason);
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private record Head(@Nullable Long lastId, String lastHash) {
	}

}
