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
@SpringBootTest(properties = { "portal.login.max-failures=3", "portal.login.max-address-failures=5",
		"portal.login.first-delay=3s" })
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	org.waldur.portal.audit.AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountManagement management;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

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
	void repeatedFailuresPauseTheAccountWithTheSameAnswerAsAWrongPassword() throws Exception {
		this.management.create("lockme", "correct-horse-1", java.util.Set.of(Role.OPERATOR), "test");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(signIn("lockme", "wrong-password", "192.0.2.10"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(this.throttle.pausedUntil("lockme")).isNotNull();
		// Paused: even the right password gets the answer of a wrong one, unchecked.
		this.mvc.perform(formLogin().user("lockme").password("correct-horse-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		long id = this.accounts.findByUsername("lockme").orElseThrow().getId();
		this.management.unlock(id, "admin");
		this.mvc.perform(formLogin().user("lockme").password("correct-horse-1")).andExpect(authenticated());
	}

	@Test
	void unknownAccountsArePausedLikeKnownOnes() throws Exception {
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(signIn("nobody-here", "wrong-password", "192.0.2.11"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(this.throttle.pausedUntil("nobody-here")).isNotNull();
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("sign-in is paused")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("locked"))));
	}

	@Test
	void anonymousGuessesCannotKeepTheAdminOutForLong() throws Exception {
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(signIn("admin", "guess-" + i, "198.51.100.9"));
		}
		// A growing delay, not a lock: the first pause is the configured first delay.
		java.time.Instant until = this.throttle.pausedUntil("admin");
		assertThat(until).isNotNull().isBefore(java.time.Instant.now().plusSeconds(4));
		Thread.sleep(java.time.Duration.between(java.time.Instant.now(), until).toMillis() + 200);
		this.mvc.perform(signIn("admin", "test-admin-password", "192.0.2.1")).andExpect(authenticated());
	}

	@Test
	void oneClientAddressIsPausedOverAllAccountNames() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(signIn("sprayed-" + i, "wrong-password", "203.0.113.50"))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(signIn("support", "sandbox-demo", "203.0.113.50"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(signIn("support", "sandbox-demo", "203.0.113.51")).andExpect(authenticated());
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotAnError() throws Exception {
		this.mvc.perform(signIn("operator", "x".repeat(100), "192.0.2.77"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void successfulSignInResetsTheFailureCount() throws Exception {
		this.management.create("forgetful", "correct-horse-2", java.util.Set.of(Role.AUDITOR), "test");
		this.mvc.perform(signIn("forgetful", "nope", "192.0.2.12")).andExpect(unauthenticated());
		assertThat(failures("account:forgetful")).isEqualTo(1);
		this.mvc.perform(formLogin().user("forgetful").password("correct-horse-2")).andExpect(authenticated());
		assertThat(failures("account:forgetful")).isZero();
	}

	@Test
	void countsUntouchedForTheForgetTimeAreDeleted() {
		this.jdbc.update("insert into sign_in_throttle (throttle_key, failures, last_attempt_at) values (?, 2, ?)",
				"account:long-ago",
				java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
		assertThat(this.throttle.forgetOld()).isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_throttle where throttle_key = ?", Long.class,
				"account:long-ago"))
			.isZero();
	}

	private int failures(String key) {
		return this.jdbc.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class,
				key);
	}

	private static org.springframework.test.web.servlet.RequestBuilder signIn(String username, String password,
			String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void failedSignInIsLoggedWithoutThePassword(CapturedOutput output) throws Exception {
		this.mvc.perform(signIn("operator", "Pa55-typed-by-mistake", "192.0.2.13")).andExpect(unauthenticated());
		assertThat(output).contains("Failed sign-in for account 'operator'").doesNotContain("Pa55-typed-by-mistake");
	}

	@Test
	void disabledAccountCannotSignIn() throws Exception {
		Account account = this.management.create("leaver", "correct-horse-3", java.util.Set.of(Role.OPERATOR), "test");
		this.management.setEnabled(account.getId(), false, "admin");
		this.mvc.perform(signIn("leaver", "correct-horse-3", "192.0.2.14"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		java.util.List<String> details = new java.util.ArrayList<>();
		this.auditLog.stream(org.waldur.portal.audit.AuditFilter.byActor("leaver"),
				(entry) -> details.add(entry.getDetail()));
		assertThat(details).contains("Sign-in refused: the account is disabled")
			.noneMatch((detail) -> detail.contains("Exception"));
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
