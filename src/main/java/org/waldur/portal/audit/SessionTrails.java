package org.waldur.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the trail of one onboarding session for auditors: the audit entries and the step
 * attempts, read-only.
 */
@Service
public class SessionTrails {

	private final AuditLog log;

	private final JdbcClient jdbc;

	SessionTrails(AuditLog log, JdbcClient jdbc) {
		this.log = log;
		this.jdbc = jdbc;
	}

	/** The trail, or empty when nothing is known about the session. */
	public Optional<SessionTrail> find(long sessionId) {
		Optional<Map<String, Object>> session = this.jdbc
			.sql("select title, status from onboarding_session where id = ?")
			.param(sessionId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		List<AuditEntry> entries = this.log.sessionTrail(sessionId);
		if (session.isEmpty() && entries.isEmpty()) {
			return Optional.empty();
		}
		List<SessionTrail.Attempt> attempts = this.jdbc
			.sql("select id, step, attempt_no, outcome, actor, started_at, ended_at, duration_ms, http_method, url, "
					+ "response_status, request_body, response_body, message from onboarding_step_attempt "
					+ "where session_id = ? order by id")
			.param(sessionId)
			.query(SessionTrails::attempt)
			.list();
		return Optional.of(new SessionTrail(sessionId, session.map((row) -> (String) row.get("title")).orElse(null),
				session.map((row) -> (String) row.get("status")).orElse(null), entries, attempts));
	}

	private static SessionTrail.Attempt attempt(ResultSet rs, int row) throws SQLException {
		return new SessionTrail.Attempt(rs.getLong("id"), rs.getString("step"), rs.getInt("attempt_no"),
				rs.getString("outcome"), rs.getString("actor"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("ended_at", OffsetDateTime.class).toInstant(), nullable(rs, rs.getLong("duration_ms")),
				rs.getString("http_method"), rs.getString("url"), nullableInt(rs, rs.getInt("response_status")),
				rs.getString("request_body"), rs.getString("response_body"), rs.getString("message"));
	}

	private static @Nullable Long nullable(ResultSet rs, long value) throws SQLException {
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, int value) throws SQLException {
		return rs.wasNull() ? null : value;
	}

}
