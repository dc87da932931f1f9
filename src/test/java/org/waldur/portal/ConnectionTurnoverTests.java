package org.waldur.portal;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database keeps working once the pool has replaced the connection that created the
 * schema, as it does after its maximum connection lifetime (30 minutes by default): the
 * tables' {@code CHECK (… IN (…))} rules still hold for a new account's roles and a
 * sandbox offering's state. (H2 2.4.240 failed every such insert from then on with "Check
 * constraint invalid" / "The database has been closed".)
 */
@SpringBootTest
class ConnectionTurnoverTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	AccountManagement accounts;

	@Autowired
	SandboxSeed seed;

	@Test
	void checkRulesStillWorkAfterThePoolReplacedEveryConnection() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		List<Integer> before = jdbc.queryForList("select session_id from information_schema.sessions", Integer.class);
		pool.getHikariPoolMXBean().softEvictConnections();
		// the pool closes its old connections in the background
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> Collections.disjoint(before,
					jdbc.queryForList("select session_id from information_schema.sessions", Integer.class)));
		assertThat(this.accounts.create("turnover-operator", "Turnover-pass-2026-long!", Set.of(Role.OPERATOR), "admin")
			.getRoles()).containsExactly(Role.OPERATOR);
		assertThat(jdbc.update("insert into sandbox_offering (uuid, name, description, customer_uuid, category_uuid,"
				+ " type, shared, billable, state, plugin_options, created)"
				+ " values ('0123456789abcdef0123456789abcdef', 'Turnover', '', ?, ?, 'Marketplace.Slurm', true, true,"
				+ " 'Draft', '{}', current_timestamp)", this.seed.providerCustomerUuid(),
				this.seed.categoryUuid("HPC")))
			.isEqualTo(1);
		assertThat(jdbc
			.update("update sandbox_offering set state = 'Active' where uuid = '0123456789abcdef0123456789abcdef'"))
			.isEqualTo(1);
	}

}
