package org.waldur.portal.desk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only table of notes: it can add and read, never change; notes go only with a
 * deleted draft (whose deletion the audit log records).
 */
@Repository
class DeskNotes {

	private final JdbcClient jdbc;

	DeskNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long sessionId, NoteKind kind, String author, @Nullable String assignee, String note, Instant at) {
		this.jdbc
			.sql("insert into onboarding_note (session_id, kind, author, assignee, note, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(sessionId, kind.name(), author, assignee, note, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	void removeOfDeletedDraft(long sessionId) {
		this.jdbc.sql("delete from onboarding_note where session_id = ?").param(sessionId).update();
	}

	List<DeskNote> forSession(long sessionId) {
		return this.jdbc
			.sql("select id, session_id, kind, author, assignee, note, created_at from onboarding_note "
					+ "where session_id = ? order by id")
			.param(sessionId)
			.query((rs, row) -> new DeskNote(rs.getLong("id"), rs.getLong("session_id"),
					NoteKind.valueOf(rs.getString("kind")), rs.getString("author"), rs.getString("assignee"),
					rs.getString("note"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
