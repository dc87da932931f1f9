package org.waldur.portal.desk;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.Role;
import org.waldur.portal.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, {@code support} finds a failed onboarding with the desk's filters and
 * hands it over to a colleague with a note. Screenshots go to
 * {@code target/screenshots/desk-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskBrowserTests {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	AccountManagement accounts;

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

	@Test
	void supportFindsAFailedOnboardingByFilterAndHandsItOver() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String colleague = "support-" + tag;
		this.accounts.create(colleague, "colleague-password-1", EnumSet.of(Role.SUPPORT), "admin");
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long failed = failedAtServiceAccount(driver, "Desk " + tag + " Failing", "desk_" + tag + "_agent");
		driver.prepared("Desk " + tag + " Draft", "desk_" + tag + "_other", OnboardingDriver.OPERATOR);

		signIn("support");
		browser.get("http://localhost:" + this.port + "/onboarding");
		new Select(browser.findElement(By.id("status"))).selectByVisibleText("Needs attention");
		browser.findElement(By.id("q")).sendKeys("desk " + tag);
		click("apply-filter");
		assertThat(browser.findElements(By.cssSelector("#sessions tbody tr[id^='session-']")))
			.extracting(WebElement::getText)
			.singleElement()
			.asString()
			.contains("Desk " + tag + " Failing", "Needs attention", "Service account");
		assertThat(browser.findElement(By.id("desk-range")).getText()).isEqualTo("1–1 of 1");
		Browser.screenshot(browser, "desk-1-filtered-list");

		click("details-" + failed);
		assertThat(browser.findElement(By.id("onboarding-status")).getText()).isEqualTo("Needs attention");
		assertThat(browser.findElement(By.cssSelector("#timeline tr[data-outcome='FAILED']")).getText())
			.contains("Service account");
		Browser.screenshot(browser, "desk-2-session");

		new Select(browser.findElement(By.id("handover-assignee"))).selectByVisibleText(colleague);
		browser.findElement(By.id("handover-note")).sendKeys("Waldur was down at 10:00; please retry the account");
		click("handover");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo("Handed over to " + colleague + ".");
		assertThat(browser.findElement(By.id("onboarding-assignee")).getText()).isEqualTo(colleague);
		assertThat(browser.findElement(By.cssSelector("#timeline tr[data-kind='HANDOVER']")).getText())
			.contains("to " + colleague, "support", "please retry the account");
		Browser.screenshot(browser, "desk-3-handed-over");

		browser.get("http://localhost:" + this.port + "/onboarding?assignee=" + colleague);
		assertThat(browser.findElement(By.id("session-" + failed)).getText()).contains(colleague);
	}

	private long failedAtServiceAccount(OnboardingDriver driver, String name, String username) {
		long id = driver.prepared(name, username, OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.ACTIVATION, OnboardingDriver.OPERATOR);
		this.faults.failWith("POST", "users/", 500, 1);
		try {
			driver.run(id, OnboardingStep.SERVICE_ACCOUNT, OnboardingDriver.OPERATOR);
		}
		finally {
			this.faults.clear();
		}
		return id;
	}

	private static void click(String id) {
		Browser.clickAndWait(browser, browser.findElement(By.id(id)));
	}

	private void signIn(String username) {
		browser.get("http://localhost:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("sandbox-demo");
		Browser.clickAndWait(browser, browser.findElement(By.id("sign-in")));
	}

}
