package org.waldur.portal.security;

import org.junit.jupiter.api.Test;
import org.waldur.portal.drills.PortalHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in ends after {@code portal.login.session-lifetime}, however active the user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.login.session-lifetime=3s")
class SessionLifetimeTests {

	@LocalServerPort
	int port;

	@Test
	void anActiveSessionEndsAtItsAbsoluteLifetime() throws Exception {
		PortalHttp browser = new PortalHttp("http://127.0.0.1:" + this.port);
		assertThat(browser.login("operator", "sandbox-demo").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toHome);
		long signedIn = System.currentTimeMillis();
		// Active all along: the idle time-out (30 minutes) never comes near.
		while (System.currentTimeMillis() - signedIn < 2000) {
			assertThat(browser.get("/").statusCode()).isEqualTo(200);
			Thread.sleep(250);
		}
		Thread.sleep(1500);
		assertThat(browser.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(SessionsFollowTheAccountTests::toSignIn);
	}

}
