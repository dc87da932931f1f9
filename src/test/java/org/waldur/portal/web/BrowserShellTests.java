package org.waldur.portal.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.waldur.portal.support.Browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser signs in as each demo account and sees its home page in sandbox mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserShellTests {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest
	@CsvSource({ "operator, sandbox-demo, home-operator", "support, sandbox-demo, home-support",
			"auditor, sandbox-demo, home-auditor", "admin, test-admin-password, home-admin" })
	void eachAccountSignsInAndSeesItsHomePage(String username, String password, String section) {
		signIn(username, password);
		assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo(username);
		assertThat(browser.findElement(By.id(section)).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("sandbox-banner")).getText())
			.contains("Sandbox — not connected to a real Waldur");
		assertThat(browser.findElements(By.cssSelector("main section.card"))).hasSize(1);
		Browser.screenshot(browser, "shell-home-" + username);
		browser.findElement(By.id("logout")).click();
		assertThat(browser.findElement(By.id("login-logout")).getText()).contains("signed out");
	}

	@Test
	void wrongPasswordShowsAClearMessage() {
		browser.get("http://localhost:" + this.port + "/login");
		assertThat(browser.findElement(By.id("demo-password")).getText()).isEqualTo("sandbox-demo");
		Browser.screenshot(browser, "shell-login");
		browser.findElement(By.id("username")).sendKeys("operator");
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		browser.findElement(By.id("sign-in")).click();
		assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong username or password");
	}

	@Test
	void adminReachesTheAccountsPageAndOthersAreRefused() {
		signIn("admin", "test-admin-password");
		browser.findElement(By.linkText("Accounts")).click();
		assertThat(browser.findElement(By.id("accounts-table")).getText()).contains("operator", "support", "auditor");
		Browser.screenshot(browser, "shell-admin-accounts");
		browser.findElement(By.id("logout")).click();
		signIn("operator", "sandbox-demo");
		browser.get("http://localhost:" + this.port + "/admin/accounts");
		assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not allowed");
		Browser.screenshot(browser, "shell-forbidden");
		browser.findElement(By.id("logout")).click();
	}

	private void signIn(String username, String password) {
		browser.get("http://localhost:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
	}

}
