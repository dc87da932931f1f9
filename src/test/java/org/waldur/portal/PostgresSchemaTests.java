package org.waldur.portal;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.waldur.portal.security.Accounts;
import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations apply and the JPA mapping validates on a real PostgreSQL
 * (embedded, from Maven, so it runs without Docker).
 */
@SpringBootTest
class PostgresSchemaTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Test
	void migrationsApplyAndMappingValidatesOnPostgres() throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		Integer failed = jdbc.queryForObject("select count(*) from flyway_schema_history where success = false",
				Integer.class);
		assertThat(failed).isZero();
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history", Integer.class)).isPositive();
		assertThat(this.accounts.findByUsername("admin")).isPresent();
	}

}
