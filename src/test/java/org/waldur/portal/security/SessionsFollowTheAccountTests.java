package org.waldur.portal.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.drills.PortalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP with sessions in the database: disabling an account, changing its roles
 * or resetting its password ends its open sessions at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsFollowTheAccountTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement management;

	@Test
	void aDisabledAdministratorsOpenSessionCanNoLongerCreateAccounts() throws Exception {
		Account second = this.management.create("second-admin", "second-admin-passphrase", Set.of(Role.ADMIN), "admin");
		PortalHttp browser = signedIn("second-admin", "second-admin-passphrase");
		assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(200);

		this.management.setEnabled(second.getId(), false, "admin");

		HttpResponse<String> create = browser.post("/admin/accounts",
				Map.of("username", "planted-admin", "password", "planted-admin-passphrase", "roles", "ADMIN"));
		assertThat(create.statusCode()).isIn(302, 403);
		assertThat(create.headers().firstValue("Location").orElse("")).doesNotEndWith("/admin/accounts");
		assertThat(browser.get("/admin/accounts").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toSignIn);
		assertThat(this.management.list()).extracting(Account::getUsername).doesNotContain("planted-admin");
	}

	@Test
	void changedRolesEndTheSession() throws Exception {
		Account account = this.management.create("role-changed", "role-changed-passphrase",
				Set.of(Role.AUDITOR, Role.OPERATOR), "admin");
		PortalHttp browser = signedIn("role-changed", "role-changed-passphrase");
		assertThat(browser.get("/audit").statusCode()).isEqualTo(200);
		this.management.assignRoles(account.getId(), Set.of(Role.OPERATOR), "admin");
		assertThat(browser.get("/audit").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toSignIn);
	}

	@Test
	void aPasswordResetEndsEverySessionButTheResettersOwn() throws Exception {
		Account account = this.management.create("reset-victim", "reset-victim-passphrase", Set.of(Role.OPERATOR),
				"admin");
		PortalHttp one = signedIn("reset-victim", "reset-victim-passphrase");
		PortalHttp two = signedIn("reset-victim", "reset-victim-passphrase");
		this.management.resetPassword(account.getId(), "another-victim-passphrase", "admin");
		assertThat(one.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toSignIn);
		assertThat(two.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toSignIn);

		Account self = this.management.create("self-resetter", "self-resetter-passphrase", Set.of(Role.ADMIN), "admin");
		PortalHttp current = signedIn("self-resetter", "self-resetter-passphrase");
		PortalHttp other = signedIn("self-resetter", "self-resetter-passphrase");
		current.get("/admin/accounts/" + self.getId());
		HttpResponse<String> reset = current.post("/admin/accounts/" + self.getId() + "/password",
				Map.of("password", "self-resetter-newphrase", "confirmation", "self-resetter-newphrase"));
		assertThat(reset.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/admin/accounts/" + self.getId()));
		assertThat(current.get("/").statusCode()).isEqualTo(200);
		assertThat(other.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toSignIn);
	}

	private PortalHttp signedIn(String username, String password) throws Exception {
		PortalHttp browser = new PortalHttp("http://127.0.0.1:" + this.port);
		assertThat(browser.login(username, password).headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toHome);
		browser.get("/");
		return browser;
	}

	static void toSignIn(String location) {
		assertThat(location).endsWith("/login");
	}

	static void toHome(String location) {
		assertThat(location).endsWith("/").doesNotContain("login");
	}

}
