package org.waldur.portal.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.waldur.portal.support.Browser;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser signs in as each demo account and sees its home page in sandbox mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserShellTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@ParameterizedTest
	@CsvSource({ "operator, sandbox-demo, home-operator", "support, sandbox-demo, home-support",
			"auditor, sandbox-demo, home-auditor", "admin, test-admin-password, home-admin" })
	void eachAccountSignsInAndSeesItsHomePage(String username, String password, String section) {
		signIn(username, password, By.id(section));
		assertThat(browser.text(By.id("current-user"))).isEqualTo(username);
		assertThat(browser.find(By.id(section)).isDisplayed()).isTrue();
		assertThat(browser.text(By.id("sandbox-banner"))).contains("Sandbox — not connected to a real Waldur");
		assertThat(browser.findAll(By.cssSelector("main section.card"))).hasSize(1);
		browser.screenshot("shell-home-" + username);
		signOut();
	}

	@Test
	void wrongPasswordShowsAClearMessage() {
		browser.open("/login", By.id("sign-in"));
		assertThat(browser.text(By.id("demo-password"))).isEqualTo("sandbox-demo");
		browser.screenshot("shell-login");
		signIn("operator", "not-the-password", By.id("login-error"));
		assertThat(browser.text(By.id("login-error"))).contains("the username or password is wrong");
	}

	@Test
	void adminReachesTheAccountsPageAndOthersAreRefused() {
		signIn("admin", "test-admin-password", By.id("home-admin"));
		browser.clickAndWait(By.linkText("Accounts"), By.id("accounts-table"));
		assertThat(browser.text(By.id("accounts-table"))).contains("operator", "support", "auditor");
		browser.screenshot("shell-admin-accounts");
		signOut();
		signIn("operator", "sandbox-demo", By.id("home-operator"));
		browser.open("/admin/accounts", By.id("error-title"));
		assertThat(browser.text(By.id("error-title"))).isEqualTo("Not allowed");
		browser.screenshot("shell-forbidden");
		signOut();
	}

	private static void signIn(String username, String password, By ready) {
		browser.open("/login", By.id("sign-in"));
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), password);
		browser.clickAndWait(By.id("sign-in"), ready);
	}

	private static void signOut() {
		browser.clickAndWait(By.id("logout"), By.id("login-logout"));
		assertThat(browser.text(By.id("login-logout"))).contains("signed out");
	}

}
