package org.waldur.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * SQL over {@code audit_entry}: the filter as a where clause with named parameters, and
 * the row mapping. Conditions are equalities plus a range on {@code (occurred_at, id)},
 * which the indexes of V4 serve with a seek.
 */
final class AuditQuery {

	static final String COLUMNS = "id, occurred_at, actor, action, target_type, target_id, session_id, outcome, "
			+ "request_id, client_ip, detail, prev_hash, hash, key_version";

	static final RowMapper<AuditEntry> ROW = AuditQuery::map;

	private final List<String> conditions = new ArrayList<>();

	private final MapSqlParameterSource parameters = new MapSqlParameterSource();

	AuditQuery(AuditFilter filter) {
		add("actor = :actor", "actor", filter.actor());
		add("action = :action", "action", (filter.action() != null) ? filter.action().name() : null);
		add("session_id = :sessionId", "sessionId", filter.sessionId());
		add("occurred_at >= :from", "from", time(filter.from()));
		add("occurred_at < :to", "to", time(filter.to()));
		add("outcome = :outcome", "outcome", (filter.outcome() != null) ? filter.outcome().name() : null);
	}

	/** Only entries before (older than) the cursor. */
	AuditQuery before(AuditCursor cursor) {
		return seek("<", cursor);
	}

	/** Only entries after (newer than) the cursor. */
	AuditQuery after(AuditCursor cursor) {
		return seek(">", cursor);
	}

	/** The full select, ordered by time and id in the given direction, with a limit. */
	String select(boolean newestFirst, @Nullable Integer limit) {
		String direction = newestFirst ? "desc" : "asc";
		StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_entry");
		if (!this.conditions.isEmpty()) {
			sql.append(" where ").append(String.join(" and ", this.conditions));
		}
		sql.append(" order by occurred_at ").append(direction).append(", id ").append(direction);
		if (limit != null) {
			sql.append(" limit ").append(limit);
		}
		return sql.toString();
	}

	MapSqlParameterSource parameters() {
		return this.parameters;
	}

	static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private AuditQuery seek(String operator, AuditCursor cursor) {
		this.conditions.add("(occurred_at, id) " + operator + " (:cursorAt, :cursorId)");
		this.parameters.addValue("cursorAt", time(cursor.occurredAt()));
		this.parameters.addValue("cursorId", cursor.id());
		return this;
	}

	private void add(String condition, String name, @Nullable Object value) {
		if (value != null) {
			this.conditions.add(condition);
			this.parameters.addValue(name, value);
		}
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		long sessionId = rs.getLong("session_id");
		Long session = rs.wasNull() ? null : sessionId;
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("target_type"),
				rs.getString("target_id"), session, AuditOutcome.valueOf(rs.getString("outcome")),
				rs.getString("request_id"), rs.getString("client_ip"), rs.getString("detail"),
				rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("key_version"));
	}

}
