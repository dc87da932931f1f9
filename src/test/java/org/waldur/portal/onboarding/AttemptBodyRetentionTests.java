package org.waldur.portal.onboarding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditEntry;
import org.waldur.portal.audit.AuditFilter;
import org.waldur.portal.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job drops the bodies of old step attempts, keeps their facts and the
 * bodies of recent attempts, and records what it did.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttemptBodyRetentionTests {

	@Autowired
	AttemptBodyRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog log;

	@Test
	void oldBodiesGoFactsAndRecentBodiesStay() {
		long session = this.jdbc.queryForObject("select coalesce(max(id), 0) + 2000 from onboarding_session",
				Long.class);
		this.jdbc.update("insert into onboarding_session (id, title, status, current_step, created_by, created_at, "
				+ "updated_at, version) values (?, 'Retention', 'IN_PROGRESS', 'OFFERING', 'op', current_timestamp, "
				+ "current_timestamp, 0)", session);
		long old = attempt(session, Instant.now().minus(91, ChronoUnit.DAYS));
		long recent = attempt(session, Instant.now().minus(89, ChronoUnit.DAYS));

		int cleaned = this.retention.apply();

		assertThat(cleaned).isGreaterThanOrEqualTo(1);
		Map<String, Object> oldRow = row(old);
		assertThat(oldRow.get("request_body")).isNull();
		assertThat(oldRow.get("response_body")).isNull();
		assertThat(oldRow.get("prior_exchanges")).isNull();
		assertThat(oldRow).containsEntry("outcome", "SUCCEEDED")
			.containsEntry("message", "Offering created")
			.containsEntry("http_method", "POST")
			.containsEntry("url", "http://waldur/api/marketplace-provider-offerings/");
		assertThat(oldRow.get("response_status")).isEqualTo(201);
		assertThat(row(recent).get("request_body")).isEqualTo("{\"name\":\"cluster\"}");
		assertThat(row(recent).get("prior_exchanges")).isEqualTo("[]");

		AuditEntry entry = latestRetention();
		assertThat(entry.getActor()).isEqualTo("system");
		assertThat(entry.getRequestId()).isNull();
		assertThat(entry.getDetail()).startsWith("Request and response bodies removed from " + cleaned + " step")
			.contains("older than 90 days");

		assertThat(this.retention.apply()).isZero();
		assertThat(latestRetention().getDetail()).startsWith("Request and response bodies removed from 0 step");
		assertThat(latestRetention().getId()).isGreaterThan(entry.getId());
	}

	private AuditEntry latestRetention() {
		return this.log.search(new AuditFilter(null, AuditAction.RETENTION_APPLIED, null, null, null, null), null, null)
			.entries()
			.get(0);
	}

	private long attempt(long session, Instant ended) {
		this.jdbc.update("insert into onboarding_step_attempt (session_id, step, attempt_no, actor, started_at, "
				+ "ended_at, outcome, http_method, url, request_body, response_status, response_body, duration_ms, "
				+ "message, prior_exchanges) values (?, 'OFFERING', 1, 'op', ?, ?, 'SUCCEEDED', 'POST', "
				+ "'http://waldur/api/marketplace-provider-offerings/', '{\"name\":\"cluster\"}', 201, "
				+ "'{\"uuid\":\"abc\"}', 12, 'Offering created', '[]')", session, ended.atOffset(ZoneOffset.UTC),
				ended.atOffset(ZoneOffset.UTC));
		return this.jdbc.queryForObject("select max(id) from onboarding_step_attempt", Long.class);
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.queryForMap("select * from onboarding_step_attempt where id = ?", id);
	}

}
