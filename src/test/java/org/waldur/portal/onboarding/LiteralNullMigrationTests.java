package org.waldur.portal.onboarding;

import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V45 turns the text "null" that older versions stored for a value Waldur did
 * not give into SQL NULL, and leaves real values alone.
 */
class LiteralNullMigrationTests {

	@Test
	void storedNullTextsBecomeSqlNull() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:v45-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		flyway(dataSource).target("42").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("insert into onboarding_session (title, status, current_step, created_by, created_at, updated_at, "
				+ "offering_uuid, offering_url, offering_state, user_uuid, user_url, username, version) values "
				+ "('Old', 'IN_PROGRESS', 'MANAGER_ROLE', 'olga', current_timestamp, current_timestamp, 'f00d', "
				+ "'null', 'null', 'beef', 'null', 'null', 0), "
				+ "('Kept', 'IN_PROGRESS', 'MANAGER_ROLE', 'olga', current_timestamp, current_timestamp, 'cafe', "
				+ "'https://waldur/api/x/cafe/', 'Active', 'babe', 'https://waldur/api/users/babe/', 'agent', 0)")
			.update();

		flyway(dataSource).load().migrate();

		Map<String, Object> old = jdbc
			.sql("select offering_uuid, offering_url, offering_state, user_uuid, user_url, "
					+ "username from onboarding_session where title = 'Old'")
			.query()
			.singleRow();
		assertThat(old).containsEntry("offering_uuid", "f00d").containsEntry("user_uuid", "beef");
		assertThat(old.get("offering_url")).isNull();
		assertThat(old.get("offering_state")).isNull();
		assertThat(old.get("user_url")).isNull();
		assertThat(old.get("username")).isNull();
		assertThat(jdbc.sql("select offering_state from onboarding_session where title = 'Kept'")
			.query(String.class)
			.single()).isEqualTo("Active");
		assertThat(
				jdbc.sql("select username from onboarding_session where title = 'Kept'").query(String.class).single())
			.isEqualTo("agent");
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2");
	}

}
