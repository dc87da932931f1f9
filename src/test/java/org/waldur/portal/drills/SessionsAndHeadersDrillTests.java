package org.waldur.portal.drills;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and headers drill over real HTTP (sessions stored in the database): the
 * session id changes on sign-in, the old id is worthless, sign-out invalidates the
 * session, every page carries the security headers, and failed sign-ins pause an account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsAndHeadersDrillTests {

	static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", "frame-ancestors 'none'",
			"X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin",
			"Cache-Control", "no-store");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signInChangesTheSessionIdAndSignOutEndsIt() throws Exception {
		this.accounts.create("fixation", "fixation-password", Set.of(Role.OPERATOR), "drill");
		PortalHttp browser = http();
		browser.get("/login");
		// The sign-in page creates no session: its CSRF token is in a cookie.
		assertThat(browser.cookie("JSESSIONID")).isNull();
		assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();
		HttpResponse<String> signIn = browser.login("fixation", "fixation-password");
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		assertThat(browser.cookie("JSESSIONID")).isNotBlank();
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'fixation'")
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(browser.post("/logout", Map.of()).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?logout"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'fixation'")
			.query(Long.class)
			.single()).isZero();
		DrillFiles.appendFigure("sessions-and-headers.md",
				"| session fixation: id changed on sign-in, sign-out removed the stored session | passed |\n",
				header());
	}

	@Test
	void theOldSessionIdIsWorthlessAfterSignIn() throws Exception {
		this.accounts.create("fixation2", "fixation-password", Set.of(Role.OPERATOR), "drill");
		PortalHttp browser = http();
		String planted = java.util.UUID.randomUUID().toString();
		browser.plantCookie("JSESSIONID", java.util.Base64.getEncoder()
			.encodeToString(planted.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		browser.login("fixation2", "fixation-password");
		assertThat(this.jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(planted)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'fixation2'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		PortalHttp browser = http();
		browser.login("admin", "test-admin-password");
		long id = new OnboardingDriver(this.onboarding, this.seed, this.port).prepared("Headers", "headers_agent",
				OnboardingDriver.OPERATOR);
		List<String> pages = List.of("/login", "/", "/onboarding", "/admin/accounts", "/admin/sandbox",
				"/onboarding/999999/summary", "/no-such-page", "/actuator/health", "/assets/css/portal.css");
		int checked = 0;
		for (String page : pages) {
			HttpResponse<String> response = browser.get(page);
			HEADERS.forEach((name, value) -> {
				if (!(page.startsWith("/assets/") && "Cache-Control".equals(name))) {
					assertThat(response.headers().allValues(name)).as("%s on %s", name, page)
						.anySatisfy((v) -> assertThat(v).contains(value));
				}
			});
			checked++;
		}
		PortalHttp support = http();
		this.accounts.create("headers-support", "headers-password", Set.of(Role.SUPPORT), "drill");
		support.login("headers-support", "headers-password");
		for (String page : List.of("/onboarding/" + id + "/summary", "/onboarding/" + id + "/steps/offering",
				"/onboarding/" + id + "/steps/integration")) {
			HttpResponse<String> response = support.get(page);
			assertThat(response.statusCode()).isEqualTo(200);
			HEADERS.forEach((name, value) -> assertThat(response.headers().allValues(name)).as("%s on %s", name, page)
				.anySatisfy((v) -> assertThat(v).contains(value)));
			checked++;
		}
		DrillFiles.appendFigure("sessions-and-headers.md", "| security headers (" + String.join(", ", HEADERS.keySet())
				+ ") on " + checked + " pages | passed |\n", header());
	}

	@Test
	void repeatedFailedSignInsPauseTheAccount() throws Exception {
		this.accounts.create("lockout", "lockout-password", Set.of(Role.OPERATOR), "drill");
		PortalHttp browser = http();
		for (int i = 0; i < 5; i++) {
			assertThat(browser.login("lockout", "wrong-password-" + i).headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		}
		assertThat(browser.login("lockout", "lockout-password").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		DrillFiles.appendFigure("sessions-and-headers.md",
				"| throttling: after 5 failed sign-ins the right password is refused, unchecked, with the same answer | passed |\n",
				header());
	}

	private static String header() {
		return "# Sessions and headers\n\n| Drill | Result |\n|---|---|\n";
	}

	private PortalHttp http() {
		return new PortalHttp(base());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
