package org.waldur.portal.desk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes onboarding rows straight into the tables, for list tests. Every seed uses its
 * own customer, so tests sharing a database do not see each other's rows.
 */
final class DeskSeed {

	final String customerUuid = UUID.randomUUID().toString().replace("-", "");

	final String customerName = "Centre " + this.customerUuid.substring(0, 8);

	private final JdbcClient jdbc;

	DeskSeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long session(String title, OnboardingStatus status, OnboardingStep step, String createdBy,
			@Nullable String assignee, Instant created, Instant updated, @Nullable String offeringUuid,
			@Nullable String username) {
		this.jdbc.sql("""
				insert into onboarding_session (title, status, current_step, created_by, assignee, created_at,
					updated_at, customer_uuid, customer_name, offering_uuid, username, service_token_displayed, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0)""")
			.params(title, status.name(), step.name(), createdBy, assignee, created.atOffset(ZoneOffset.UTC),
					updated.atOffset(ZoneOffset.UTC), this.customerUuid, this.customerName, offeringUuid, username)
			.update();
		return this.jdbc.sql("select max(id) from onboarding_session").query(Long.class).single();
	}

	void runningStep(long sessionId, OnboardingStep step, Instant startedAt) {
		this.jdbc
			.sql("insert into onboarding_step (session_id, step, status, attempts, started_at, running_by) "
					+ "values (?, ?, 'RUNNING', 1, ?, 'operator')")
			.params(sessionId, step.name(), startedAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	DeskFilter filter() {
		return new DeskFilter(null, null, false, null, null, this.customerUuid, null, null, null);
	}

}
