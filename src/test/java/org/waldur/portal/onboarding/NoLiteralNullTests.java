package org.waldur.portal.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A missing value is SQL NULL, never the text {@code null}: after a whole onboarding
 * against the sandbox (with a token refresh, the token shown, a note and an abandoned
 * draft), no text column of onboarding's tables or of the audit log holds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoLiteralNullTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void noTextColumnHoldsTheWordNullAfterAWholeOnboarding() {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		long id = driver.prepared("Null Cluster", "null_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.TOKEN_REFRESH, OnboardingDriver.OPERATOR);
		this.onboarding.revealToken(id, OnboardingDriver.OPERATOR);
		long abandoned = driver.prepared("Null Draft", "null_draft", OnboardingDriver.OPERATOR);
		this.onboarding.abandon(abandoned, driver.version(abandoned), "Not needed", OnboardingDriver.OPERATOR);

		assertThat(columnsHoldingNull()).as("columns holding the text 'null'").isEmpty();

		// The scan finds one when there is one.
		this.jdbc.sql("update onboarding_session set abandoned_reason = 'null' where id = ?").param(abandoned).update();
		assertThat(columnsHoldingNull()).containsExactly("onboarding_session.abandoned_reason (1)");
	}

	private List<String> columnsHoldingNull() {
		List<Map<String, Object>> columns = this.jdbc
			.sql("select table_name, column_name from information_schema.columns "
					+ "where lower(table_schema) = 'public' and (lower(table_name) like 'onboarding%' "
					+ "or lower(table_name) like 'audit%') and (lower(data_type) like '%char%' "
					+ "or lower(data_type) in ('text', 'clob', 'json', 'jsonb'))")
			.query()
			.listOfRows();
		assertThat(columns).extracting((column) -> column.get("table_name").toString().toLowerCase())
			.contains("onboarding_session", "onboarding_step", "onboarding_step_attempt");
		List<String> holdingNull = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = column.get("table_name").toString().toLowerCase();
			String name = column.get("column_name").toString().toLowerCase();
			long count = this.jdbc
				.sql("select count(*) from " + table + " where cast(" + name + " as varchar) = 'null'")
				.query(Long.class)
				.single();
			if (count > 0) {
				holdingNull.add(table + "." + name + " (" + count + ")");
			}
		}
		return holdingNull;
	}

}
