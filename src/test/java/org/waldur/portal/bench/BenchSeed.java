package org.waldur.portal.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the onboarding tables with set-based SQL: sessions spread over statuses, steps,
 * 500 operators and 200 customers, seven steps each, and ten attempts each with masked
 * request and response bodies.
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
					select title, status, case when status = 'COMPLETED' then 'TOKEN' else step end, creator,
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
				"TOKEN_REFRESH" };
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

}
