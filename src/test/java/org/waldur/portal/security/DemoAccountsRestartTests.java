package org.waldur.portal.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox-mode start (the bootstrap run again) keeps the demo accounts an administrator
 * disabled, and audits re-enabling the ones the portal itself had disabled.
 */
@SpringBootTest
@AutoConfigureMockMvc // shares the context of the page tests
class DemoAccountsRestartTests {

	@Autowired
	AccountBootstrap bootstrap;

	@Autowired
	AccountManagement management;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDemoAccountAnAdministratorDisabledStaysDisabledAtTheNextStart() {
		long id = this.accounts.findByUsername("support").orElseThrow().getId();
		this.management.setEnabled(id, false, "admin");
		try {
			this.bootstrap.run(new DefaultApplicationArguments());
			assertThat(this.accounts.findByUsername("support").orElseThrow().isEnabled()).isFalse();
		}
		finally {
			this.management.setEnabled(id, true, "admin");
		}
	}

	@Test
	void aDemoAccountThePortalDisabledIsEnabledAgainWithAnAuditEntry() {
		this.jdbc.update("update portal_account set enabled = false where username = 'auditor'");
		long before = lastAuditId();
		this.bootstrap.run(new DefaultApplicationArguments());
		assertThat(this.accounts.findByUsername("auditor").orElseThrow().isEnabled()).isTrue();
		assertThat(this.jdbc.queryForList(
				"select actor from audit_entry where id > ? and action = 'ACCOUNT_ENABLED' and target_id = 'auditor'",
				String.class, before))
			.containsExactly(AccountBootstrap.SYSTEM);
	}

	private long lastAuditId() {
		Long id = this.jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
		return (id != null) ? id : 0;
	}

}
