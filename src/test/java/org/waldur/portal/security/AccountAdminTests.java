package org.waldur.portal.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The administrator's account pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AccountManagement management;

	@Test
	void listShowsAccountsWithRolesAndState() throws Exception {
		this.mvc.perform(get("/admin/accounts").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"account-admin\"")))
			.andExpect(content().string(containsString("id=\"account-operator\"")));
	}

	@Test
	void createsAnAccountWithSeveralRoles() throws Exception {
		this.mvc
			.perform(post("/admin/accounts").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("username", "newstaff")
				.param("password", "long-enough-pw")
				.param("roles", "OPERATOR", "SUPPORT"))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flashSuccess", "Account 'newstaff' created."));
		Account created = this.accounts.findByUsername("newstaff").orElseThrow();
		assertThat(created.getRoles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.SUPPORT);
		assertThat(this.passwordEncoder.matches("long-enough-pw", created.getPasswordHash())).isTrue();
	}

	@Test
	void invalidInputIsShownNextToTheFields() throws Exception {
		this.mvc
			.perform(post("/admin/accounts").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("username", "Bad Name")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/accounts"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "password", "roles"))
			.andExpect(content().string(containsString("Use 3 to 64 lowercase letters")));
		assertThat(this.accounts.existsByUsername("Bad Name")).isFalse();
	}

	@Test
	void duplicateUsernameIsRefused() throws Exception {
		this.mvc
			.perform(post("/admin/accounts").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("username", "operator")
				.param("password", "long-enough-pw")
				.param("roles", "OPERATOR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "rejected"))
			.andExpect(content().string(containsString("already exists")));
	}

	@Test
	void resetsPasswordAndAssignsRoles() throws Exception {
		Account account = this.management.create("resetme", "initial-password", java.util.Set.of(Role.AUDITOR), "test");
		String path = "/admin/accounts/" + account.getId();
		this.mvc
			.perform(post(path + "/password").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("password", "brand-new-password")
				.param("confirmation", "brand-new-password"))
			.andExpect(redirectedUrl(path));
		this.mvc
			.perform(post(path + "/roles").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("roles", "AUDITOR", "SUPPORT"))
			.andExpect(redirectedUrl(path));
		Account updated = this.accounts.findByUsername("resetme").orElseThrow();
		assertThat(this.passwordEncoder.matches("brand-new-password", updated.getPasswordHash())).isTrue();
		assertThat(updated.getRoles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.SUPPORT);
	}

	@Test
	void passwordConfirmationMustMatch() throws Exception {
		Account account = this.accounts.findByUsername("support").orElseThrow();
		this.mvc
			.perform(post("/admin/accounts/" + account.getId() + "/password").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("password", "brand-new-password")
				.param("confirmation", "other-password-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The two passwords differ.")));
	}

	@Test
	void adminCannotDisableOrDemoteThemselves() throws Exception {
		Account admin = this.accounts.findByUsername("admin").orElseThrow();
		String path = "/admin/accounts/" + admin.getId();
		this.mvc
			.perform(post(path + "/enabled").with(user("admin").roles("ADMIN")).with(csrf()).param("enabled", "false"))
			.andExpect(flash().attribute("flashError", "You cannot disable your own account."));
		this.mvc
			.perform(post(path + "/roles").with(user("admin").roles("ADMIN")).with(csrf()).param("roles", "OPERATOR"))
			.andExpect(flash().attribute("flashError", "You cannot remove your own administrator role."));
		Account unchanged = this.accounts.findByUsername("admin").orElseThrow();
		assertThat(unchanged.isEnabled()).isTrue();
		assertThat(unchanged.getRoles()).contains(Role.ADMIN);
	}

	@Test
	void nonAdminCannotChangeAccounts() throws Exception {
		Account account = this.accounts.findByUsername("operator").orElseThrow();
		this.mvc
			.perform(post("/admin/accounts/" + account.getId() + "/roles").with(user("op").roles("OPERATOR", "SUPPORT"))
				.with(csrf())
				.param("roles", "ADMIN"))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.findByUsername("operator").orElseThrow().getRoles()).doesNotContain(Role.ADMIN);
	}

	@Test
	void passwordsOutsideTheRulesAreRefusedNextToTheFieldNeverWithAnError() throws Exception {
		java.util.Map<String, String> refused = java.util.Map.of("x".repeat(73), "at most 72 bytes",
				"\u20ac".repeat(25), "at most 72 bytes", "k".repeat(128), "at most 72 bytes", "aaaaaaaaaaaa",
				"less common password", "password1234", "less common password", "qwertyuiopasdf",
				"less common password", "short-pass1", "at least 12 characters", "sandbox-demo",
				"less common password");
		refused.forEach((password, message) -> {
			try {
				this.mvc
					.perform(post("/admin/accounts").with(user("admin").roles("ADMIN"))
						.with(csrf())
						.param("username", "rules-check")
						.param("password", password)
						.param("roles", "OPERATOR"))
					.andExpect(status().isOk())
					.andExpect(model().attributeHasFieldErrors("form", "password"))
					.andExpect(content().string(containsString(message)));
			}
			catch (Exception ex) {
				throw new AssertionError(password, ex);
			}
		});
		assertThat(this.accounts.existsByUsername("rules-check")).isFalse();
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> this.management.create("rules-check", "x".repeat(80), java.util.Set.of(Role.OPERATOR), "admin"))
			.isInstanceOf(AccountRejectedException.class);
	}

	@Test
	void aWeakResetPasswordIsRefusedOnTheAccountPage() throws Exception {
		Account account = this.management.create("weak-reset", "initial-password", java.util.Set.of(Role.AUDITOR),
				"test");
		this.mvc
			.perform(post("/admin/accounts/" + account.getId() + "/password").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("password", "1234567890123")
				.param("confirmation", "1234567890123"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/account"))
			.andExpect(model().attributeHasFieldErrors("passwordForm", "password"));
		assertThat(this.passwordEncoder.matches("initial-password",
				this.accounts.findById(account.getId()).orElseThrow().getPasswordHash()))
			.isTrue();
	}

	@Test
	void passwordsAreKeptAsTypedNotTrimmed() throws Exception {
		String typed = "  spaced out passphrase  ";
		this.mvc
			.perform(post("/admin/accounts").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("username", "spaced")
				.param("password", typed)
				.param("roles", "OPERATOR"))
			.andExpect(redirectedUrl("/admin/accounts"));
		String hash = this.accounts.findByUsername("spaced").orElseThrow().getPasswordHash();
		assertThat(this.passwordEncoder.matches(typed, hash)).isTrue();
		assertThat(this.passwordEncoder.matches(typed.trim(), hash)).isFalse();
	}

}
