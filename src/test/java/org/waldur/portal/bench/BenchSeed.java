package org.waldur.portal.bench;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the onboarding tables with set-based SQL: sessions spread over statuses, steps,
 * 500 operators and 200 customers, seven steps each, and ten attempts each with masked
 * request and response bodies; and audit entries spread over actors, actions, sessions,
 * outcomes and almost two years, continuing the hash chain.
 */
final class BenchSeed {

	/** The SQL that differs between the two databases. */
	enum Dialect {

		POSTGRESQL("generate_series(1, %d) as t(g)", "(%s + (%s) * interval '1 second')"),

		H2("(select \"X\" as g from system_range(1, %d)) t", "dateadd('SECOND', %2$s, %1$s)");

		private final String series;

		private final String plusSeconds;

		Dialect(String series, String plusSeconds) {
			this.series = series;
			this.plusSeconds = plusSeconds;
		}

		String series(int n) {
			return this.series.formatted(n);
		}

		String plusSeconds(String timestamp, String seconds) {
			return this.plusSeconds.formatted(timestamp, seconds);
		}

	}

	private static final String START = "timestamp with time zone '2024-01-01 00:00:00+00'";

	private final JdbcClient jdbc;

	private final Dialect dialect;

	BenchSeed(JdbcClient jdbc, Dialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	void sessions(int count) {
		String created = this.dialect.plusSeconds(START, "g * 600");
		String updated = this.dialect.plusSeconds(START, "g * 600 + mod(g * 7919, 100000)");
		this.jdbc
			.sql("""
					insert into onboarding_session (title, status, current_step, created_by, assignee, created_at,
						updated_at, customer_uuid, customer_name, offering_uuid, offering_url, user_uuid, username,
						service_token_displayed, version)
					select title, status, case when status = 'COMPLETED' then 'KEEP_TOKEN' else step end, creator,
						case when mod(g, 10) = 0 then 'support' else creator end, %s, %s,
						'c0ffee00' || lpad(cast(mod(g, 200) as varchar), 24, '0'), 'Customer ' || mod(g, 200),
						case when status = 'DRAFT' then null else 'a1b2c3d4' || lpad(cast(g as varchar), 24, '0') end,
						case when status = 'DRAFT' then null
							else 'https://waldur.example.com/api/marketplace-provider-offerings/a1b2c3d4'
								|| lpad(cast(g as varchar), 24, '0') || '/' end,
						case when status in ('COMPLETED', 'ABANDONED') then 'b1b2c3d4' || lpad(cast(g as varchar), 24, '0') end,
						case when status in ('COMPLETED', 'ABANDONED') then 'cluster_' || g || '_agent' end,
						false, 3
					from (select g,
						'Cluster ' || g || case mod(g, 4) when 0 then ' Alpha' when 1 then ' Beta' when 2 then ' Gamma'
							else ' Delta HPC' end as title,
						case when mod(g, 20) < 10 then 'COMPLETED' when mod(g, 20) < 14 then 'IN_PROGRESS'
							when mod(g, 20) < 16 then 'NEEDS_ATTENTION' when mod(g, 20) < 19 then 'DRAFT'
							else 'ABANDONED' end as status,
						case mod(g, 5) when 0 then 'OFFERING' when 1 then 'INTEGRATION' when 2 then 'ACTIVATION'
							when 3 then 'SERVICE_ACCOUNT' else 'MANAGER_ROLE' end as step,
						case when mod(g, 50) = 0 then 'operator' else 'op' || mod(g, 500) end as creator
						from %s) x"""
				.formatted(created, updated, this.dialect.series(count)))
			.update();
	}

	void steps() {
		String[] steps = { "OFFERING", "INTEGRATION", "ACTIVATION", "SERVICE_ACCOUNT", "MANAGER_ROLE", "TOKEN",
				"KEEP_TOKEN", "TOKEN_REFRESH" };
		for (String step : steps) {
			this.jdbc.sql("""
					insert into onboarding_step (session_id, step, status, attempts, started_at, ended_at)
					select id, ?, case when status = 'COMPLETED' and ? <> 'TOKEN_REFRESH' then 'DONE' else 'TODO' end,
						1, created_at, created_at
					from onboarding_session""").params(step, step).update();
		}
		// A few runs interrupted long ago: they need attention too.
		this.jdbc.sql("""
				update onboarding_step set status = 'RUNNING', running_by = 'operator'
				where step = 'ACTIVATION' and session_id in
					(select id from onboarding_session where status = 'IN_PROGRESS' and mod(id, 97) = 0)""").update();
	}

	/** {@code perSession} attempts for every session. */
	void attempts(int perSession) {
		String started = this.dialect.plusSeconds("s.created_at", "n * 60");
		String ended = this.dialect.plusSeconds("s.created_at", "n * 60 + 2");
		this.jdbc
			.sql("""
					insert into onboarding_step_attempt (session_id, step, attempt_no, actor, started_at, ended_at, outcome,
						http_method, url, request_body, response_status, response_body, duration_ms, message)
					select s.id,
						case mod(n, 5) when 0 then 'OFFERING' when 1 then 'INTEGRATION' when 2 then 'ACTIVATION'
							when 3 then 'SERVICE_ACCOUNT' else 'MANAGER_ROLE' end,
						1 + n / 5, s.created_by, %s, %s,
						case when n = %d and s.status = 'NEEDS_ATTENTION' then 'FAILED' else 'SUCCEEDED' end,
						'POST', 'https://waldur.example.com/api/marketplace-provider-offerings/',
						'{"name" : "' || s.title || '", "type" : "Marketplace.Slurm", "customer" : "https://waldur.example.com/api/customers/'
							|| s.customer_uuid || '/", "shared" : true, "plans" : [ { "name" : "Default", "unit" : "month" } ]}',
						case when n = %d and s.status = 'NEEDS_ATTENTION' then 503 else 201 end,
						'{"uuid" : "' || coalesce(s.offering_uuid, '') || '", "state" : "Draft", "token" : "******"}',
						mod(s.id * 31 + n, 900) + 20, 'Created in Waldur.'
					from onboarding_session s cross join (select g - 1 as n from %s) k"""
				.formatted(started, ended, perSession - 1, perSession - 1, this.dialect.series(perSession)))
			.update();
	}

	/**
	 * Appends {@code count} audit entries after the current head of the chain, 30 seconds
	 * apart from 2024-01-01, over 503 operators plus {@code support} and {@code admin},
	 * ten actions (half of them step attempts), 90% successes, 6% failures and 3%
	 * denials, and sessions {@code 1..sessions}; then moves the chain head and the
	 * identity on. On PostgreSQL each hash is the SHA-256 the portal computes (a running
	 * aggregate over the canonical form), so the chain verifies; on H2 the hashes are
	 * placeholders.
	 */
	void auditEntries(int count, int sessions) {
		Map<String, Object> head = this.jdbc
			.sql("select last_hash, (select coalesce(max(id), 0) from audit_entry) "
					+ "as last_id from audit_chain_head where id = 1")
			.query()
			.singleRow();
		String headHash = (String) head.get("last_hash");
		long base = ((Number) head.get("last_id")).longValue();
		boolean chained = this.dialect == Dialect.POSTGRESQL;
		if (chained) {
			this.jdbc.sql("""
					create function bench_chain_step(prev text, part text) returns text language plpgsql immutable
					strict as $$ begin return encode(sha256(convert_to('64:' || prev || ';' || part, 'UTF8')), 'hex');
					end $$""").update();
			this.jdbc
				.sql("create aggregate bench_chain(text) (sfunc = bench_chain_step, stype = text, initcond = '"
						+ headHash + "')")
				.update();
		}
		String hash = chained ? "bench_chain(" + CANONICAL + ") over (order by g)" : "'unchained-' || g";
		String prev = chained ? "lag(hash, 1, '" + headHash + "') over (order by g)"
				: "case when g = 1 then '" + headHash + "' else 'unchained-' || (g - 1) end";
		this.jdbc.sql("""
				insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, session_id, outcome,
					request_id, client_ip, detail, prev_hash, hash)
				select %d + g, occurred_at, actor, action, target_type, target_id, session_id, outcome, request_id,
					client_ip, detail, %s, hash
				from (select r.*, %s as hash from (%s) r) c""".formatted(base, prev, hash, auditRows(count, sessions)))
			.update();
		if (chained) {
			this.jdbc.sql("drop aggregate bench_chain(text)").update();
			this.jdbc.sql("drop function bench_chain_step(text, text)").update();
		}
		this.jdbc
			.sql("update audit_chain_head set last_entry_id = ?, last_hash = "
					+ "(select hash from audit_entry where id = ?) where id = 1")
			.params(base + count, base + count)
			.update();
		this.jdbc.sql("alter table audit_entry alter column id restart with " + (base + count + 1)).update();
	}

	/**
	 * The canonical form of an entry without its previous hash, as {@code AuditHash}
	 * builds it.
	 */
	private static final String CANONICAL = """
			concat('27:', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ';',
				length(actor), ':', actor, ';', length(action), ':', action, ';',
				length(target_type), ':', target_type, ';', length(target_id), ':', target_id, ';',
				coalesce(length(cast(session_id as varchar)) || ':' || session_id || ';', '-;'),
				length(outcome), ':', outcome, ';', length(request_id), ':', request_id, ';',
				length(client_ip), ':', client_ip, ';', length(detail), ':', detail, ';')""";

	private String auditRows(int count, int sessions) {
		String at = this.dialect.plusSeconds(START, "g * 30");
		return """
				select x.*, case when action = 'STEP_ATTEMPTED'
						then 'POST https://waldur.example.com/api/marketplace-provider-offerings/ answered '
							|| case when outcome = 'SUCCESS' then '201' else '503' end || ' in ' || (mod(g * 17, 900) + 20) || ' ms'
						else action || ' ' || target_id end as detail
				from (select g, %s as occurred_at,
					case when mod(g, 50) = 0 then 'support' when mod(g, 97) = 0 then 'admin'
						else 'op' || mod(g * 7919, 503) end as actor,
					case when k < 10 then 'STEP_ATTEMPTED' when k < 12 then 'INPUTS_SAVED' when k = 12 then 'SESSION_CREATED'
						when k = 13 then 'SESSION_COMPLETED' when k = 14 then 'SESSION_ASSIGNED' when k < 17 then 'SIGN_IN'
						when k = 17 then 'SIGN_OUT' when k = 18 then 'SECRET_REVEALED' else 'AGENT_CHECKS_RUN' end as action,
					case when k between 15 and 17 then 'account' else 'onboarding_session' end as target_type,
					case when k between 15 and 17 then 'op' || mod(g * 7919, 503)
						else cast(1 + mod(g * 104729, %d) as varchar) end as target_id,
					case when k between 15 and 17 then null else 1 + mod(g * 104729, %d) end as session_id,
					case when o < 88 then 'SUCCESS' when o < 94 then 'FAILURE' else 'DENIED' end as outcome,
					'req-' || g as request_id,
					'10.' || mod(g, 7) || '.' || mod(g * 3, 256) || '.' || mod(g * 7, 256) as client_ip
					from (select g, mod(g * 13, 20) as k, mod(g * 31, 97) as o
						from (select cast(g as bigint) as g from %s) n offset 0) s offset 0) x offset 0"""
			.formatted(at, sessions, sessions, this.dialect.series(count));
	}

}
