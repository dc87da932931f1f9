package org.waldur.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One walk over the hash chain, in id order with a database cursor, up to the head that
 * was current when the walk began (later appends are left for the next check).
 */
final class AuditChainCheck {

	private final JdbcTemplate jdbc;

	AuditChainCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	IntegrityReport run() {
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
		while (rs.next()) {
			AuditEntry entry = AuditQuery.ROW.mapRow(rs, (int) checked);
			checked++;
			if (!entry.getPrevHash().equals(expectedPrev)) {
				return broken(checked, entry,
						"it does not link to the entry before it (an entry was removed, " + "inserted or changed)");
			}
			if (!AuditHash.of(entry).equals(entry.getHash())) {
				return broken(checked, entry, "its content does not match its hash (the entry was changed)");
			}
			expectedPrev = entry.getHash();
			last = entry;
		}
		if (last == null || last.getId() != head.lastId() || !last.getHash().equals(head.lastHash())) {
			long at = (last != null) ? last.getId() : head.lastId();
			return new IntegrityReport(checked, at,
					"the chain ends here but the recorded head is entry #" + head.lastId() + " (entries removed)");
		}
		return new IntegrityReport(checked, null, null);
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
