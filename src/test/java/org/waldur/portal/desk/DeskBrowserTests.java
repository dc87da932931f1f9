package org.waldur.portal.desk;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, {@code support} finds a failed onboarding with the desk's filters and
 * hands it over to a colleague with a note. Screenshots go to
 * {@code target/screenshots/desk-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

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

	@Autowired
	JdbcClient jdbc;

	@Test
	void supportFindsAFailedOnboardingByFilterAndHandsItOver() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String colleague = "support-" + tag;
		this.accounts.create(colleague, "colleague-password-1", EnumSet.of(Role.SUPPORT), "admin");
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long failed = failedAtServiceAccount(driver, "Desk " + tag + " Failing", "desk_" + tag + "_agent");
		driver.prepared("Desk " + tag + " Draft", "desk_" + tag + "_other", OnboardingDriver.OPERATOR);

		signIn("support");
		browser.open("/onboarding", By.id("sessions"));
		browser.select(By.id("status"), "Needs attention");
		browser.type(By.id("q"), "desk " + tag);
		browser.clickAndWait(By.id("apply-filter"), By.id("desk-range"));
		assertThat(browser.findAll(By.cssSelector("#sessions tbody tr[id^='session-']")))
			.extracting(WebElement::getText)
			.singleElement()
			.asString()
			.contains("Desk " + tag + " Failing", "Needs attention", "Service account");
		assertThat(browser.text(By.id("desk-range"))).isEqualTo("1–1 of 1");
		browser.screenshot("desk-1-filtered-list");

		browser.clickAndWait(By.id("details-" + failed), By.id("onboarding-status"));
		assertThat(browser.text(By.id("onboarding-status"))).isEqualTo("Needs attention");
		assertThat(browser.text(By.cssSelector("#timeline tr[data-outcome='FAILED']"))).contains("Service account");
		browser.screenshot("desk-2-session");

		browser.select(By.id("handover-assignee"), colleague);
		browser.type(By.id("handover-note"), "Waldur was down at 10:00; please retry the account");
		browser.clickAndWait(By.id("handover"), By.cssSelector(".alert-success"));
		assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Handed over to " + colleague + ".");
		assertThat(browser.text(By.id("onboarding-assignee"))).isEqualTo(colleague);
		assertThat(browser.text(By.cssSelector("#timeline tr[data-kind='HANDOVER']"))).contains("to " + colleague,
				"support", "please retry the account");
		browser.screenshot("desk-3-handed-over");

		browser.open("/onboarding?assignee=" + colleague, By.id("session-" + failed));
		assertThat(browser.text(By.id("session-" + failed))).contains(colleague);

		// Reconciling from the desk shows the request first, as the wizard does.
		browser.open("/desk/sessions/" + failed, By.id("reconcile-preview"));
		assertThat(browser.text(By.id("reconcile-heading")))
			.isEqualTo("Check Waldur and continue step 4, Service account");
		assertThat(browser.text(By.id("preview-request"))).startsWith("POST http://").endsWith("/sandbox/api/users/");
		assertThat(browser.text(By.id("preview-body"))).contains("\"username\" : \"desk_" + tag + "_agent\"");
		browser.screenshot("desk-4-reconcile-preview");
		browser.click(By.id("reconcile-confirmed"));
		browser.clickAndWait(By.id("reconcile"), By.cssSelector(".alert-success"));
		assertThat(browser.text(By.cssSelector(".alert-success"))).startsWith("Service account: Succeeded.");
		assertThat(this.jdbc.sql("select count(*) from sandbox_user where username = ?")
			.param("desk_" + tag + "_agent")
			.query(Long.class)
			.single()).isEqualTo(1);
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

	private static void signIn(String username) {
		browser.open("/login", By.id("sign-in"));
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), "sandbox-demo");
		browser.clickAndWait(By.id("sign-in"), By.id("current-user"));
	}

}
