package org.waldur.portal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in, bootstrap accounts, lock-out, CSRF and security headers.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "portal.login.max-failures=3", "portal.login.lock-duration=10m" })
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountManagement management;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void adminIsBootstrappedWithTheConfiguredPassword() throws Exception {
		Account admin = this.accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.getRoles()).containsExactly(Role.ADMIN);
		assertThat(admin.isDemo()).isFalse();
		assertThat(admin.getPasswordHash()).startsWith("$2").doesNotContain("test-admin-password");
		assertThat(this.passwordEncoder.matches("test-admin-password", admin.getPasswordHash())).isTrue();
		this.mvc.perform(formLogin().user("admin").password("test-admin-password"))
			.andExpect(authenticated().withRoles("ADMIN"));
	}

	@Test
	void sandboxModeSeedsDemoAccountsShownOnTheSignInPage() throws Exception {
		for (String name : new String[] { "operator", "support", "auditor" }) {
			Account account = this.accounts.findByUsername(name).orElseThrow();
			assertThat(account.isDemo()).isTrue();
			assertThat(account.getRoles()).containsExactly(Role.valueOf(name.toUpperCase()));
		}
		this.mvc.perform(get("/login"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"demo-password\">sandbox-demo<")));
		this.mvc.perform(formLogin().user("support").password("sandbox-demo"))
			.andExpect(authenticated().withRoles("SUPPORT"));
	}

	@Test
	void wrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() throws Exception {
		this.management.create("lockme", "correct-horse-1", java.util.Set.of(Role.OPERATOR), "test");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(formLogin().user("lockme").password("wrong-password"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(this.accounts.findByUsername("lockme").orElseThrow().getLockedUntil()).isNotNull();
		this.mvc.perform(formLogin().user("lockme").password("correct-horse-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked"));
		long id = this.accounts.findByUsername("lockme").orElseThrow().getId();
		this.management.unlock(id, "admin");
		this.mvc.perform(formLogin().user("lockme").password("correct-horse-1")).andExpect(authenticated());
	}

	@Test
	void successfulSignInResetsTheFailureCount() throws Exception {
		this.management.create("forgetful", "correct-horse-2", java.util.Set.of(Role.AUDITOR), "test");
		this.mvc.perform(formLogin().user("forgetful").password("nope")).andExpect(unauthenticated());
		assertThat(this.accounts.findByUsername("forgetful").orElseThrow().getFailedAttempts()).isEqualTo(1);
		this.mvc.perform(formLogin().user("forgetful").password("correct-horse-2")).andExpect(authenticated());
		assertThat(this.accounts.findByUsername("forgetful").orElseThrow().getFailedAttempts()).isZero();
	}

	@Test
	void failedSignInIsLoggedWithoutThePassword(CapturedOutput output) throws Exception {
		this.mvc.perform(formLogin().user("operator").password("Pa55-typed-by-mistake")).andExpect(unauthenticated());
		assertThat(output).contains("Failed sign-in for account 'operator'").doesNotContain("Pa55-typed-by-mistake");
	}

	@Test
	void disabledAccountCannotSignIn() throws Exception {
		Account account = this.management.create("leaver", "correct-horse-3", java.util.Set.of(Role.OPERATOR), "test");
		this.management.setEnabled(account.getId(), false, "admin");
		this.mvc.perform(formLogin().user("leaver").password("correct-horse-3"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void postWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/admin/accounts").param("username", "x1234").with(user("admin").roles("ADMIN")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", "admin").param("password", "test-admin-password"))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.existsByUsername("x1234")).isFalse();
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		MvcResult result = this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
			.contains("default-src 'self'");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		this.mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(post("/logout").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"))
			.andExpect(unauthenticated());
	}

}
