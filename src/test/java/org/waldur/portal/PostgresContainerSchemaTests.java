package org.waldur.portal;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.waldur.portal.security.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same schema check against PostgreSQL 17 in a container, where a Docker engine
 * exists; skipped cleanly where it does not.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerSchemaTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Autowired
	Accounts accounts;

	@Test
	void migrationsApplyOnPostgresInAContainer() {
		assertThat(postgres.isRunning()).isTrue();
		assertThat(this.accounts.findByUsername("admin")).isPresent();
	}

}
