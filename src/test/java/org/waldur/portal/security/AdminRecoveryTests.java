package org.waldur.portal.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.config.InvalidConfigurationException;
import org.waldur.portal.config.PortalProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * The operator's way back in: {@code PORTAL_ADMIN_RESET=true} with
 * {@code PORTAL_ADMIN_PASSWORD} restores {@code admin} however it was left.
 */
@SpringBootTest(properties = "portal.login.max-failures=2")
@AutoConfigureMockMvc
class AdminRecoveryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountManagement management;

	@Autowired
	PortalProperties properties;

	@Autowired
	PasswordPolicy passwordPolicy;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void resetRestoresAPausedDisabledDemotedAdminWithAForgottenPassword() throws Exception {
		long id = this.accounts.findByUsername("admin").orElseThrow().getId();
		this.management.resetPassword(id, "forgotten-admin-passphrase", "test");
		this.management.assignRoles(id, Set.of(Role.AUDITOR), "test");
		this.management.setEnabled(id, false, "test");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(formLogin().user("admin").password("guess-" + i)).andExpect(unauthenticated());
		}

		recovery("recovered-admin-passphrase", true).run(null);

		Account admin = this.accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.isEnabled()).isTrue();
		assertThat(admin.getRoles()).contains(Role.ADMIN, Role.AUDITOR);
		this.mvc.perform(formLogin().user("admin").password("recovered-admin-passphrase"))
			.andExpect(authenticated().withRoles("ADMIN", "AUDITOR"));
		List<String> audited = this.jdbc.queryForList(
				"select action from audit_entry where actor = 'system' and target_id = 'admin' order by id",
				String.class);
		assertThat(audited).containsSubsequence("PASSWORD_RESET", "ACCOUNT_ENABLED", "ROLES_CHANGED");
	}

	@Test
	void withoutTheSettingNothingChanges() throws Exception {
		recovery("unused-admin-passphrase", false).run(null);
		this.mvc.perform(formLogin().user("admin").password("unused-admin-passphrase")).andExpect(unauthenticated());
	}

	@Test
	void aResetNeedsTheNewPassword() {
		assertThatThrownBy(() -> recovery(null, true)).isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("PORTAL_ADMIN_RESET needs PORTAL_ADMIN_PASSWORD, the new password of 'admin'.");
	}

	private AdminRecovery recovery(String password, boolean reset) {
		PortalProperties settings = new PortalProperties(this.properties.dataDir(), this.properties.secretKey(),
				password, this.properties.waldur(), this.properties.sandbox(), this.properties.login());
		return new AdminRecovery(this.accounts, this.management, settings, this.passwordPolicy, reset);
	}

}
