package org.waldur.portal.onboarding;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser walks the wizard in sandbox mode: an operator completes it; another
 * operator meets a Waldur failure at the service-account step, and support resumes and
 * completes it. Screenshots of every step go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WizardBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	/** Every step page shows its heading; the summary shows the attempts. */
	private static final By STEP = By.id("step-heading");

	private static final By PREVIEW = By.id("preview-body");

	private static final By SUMMARY = By.id("attempts");

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	@Test
	void operatorCompletesTheWholeWizard() {
		signIn("operator");
		startDraft("Browser Cluster");
		fillOffering("Browser Cluster");
		shot("wizard-1-offering-filled");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		assertThat(browser.text(By.id("preview-request"))).startsWith("POST http://")
			.endsWith("/sandbox/api/marketplace-provider-offerings/");
		assertThat(browser.text(By.id("preview-authorization"))).contains("******");
		assertThat(browser.text(PREVIEW)).contains("\"name\" : \"Browser Cluster\"",
				"\"type\" : \"Marketplace.Slurm\"");
		shot("wizard-1-offering-preview");
		confirm(STEP);
		assertThat(browser.text(STEP)).isEqualTo("Step 2: Integration options");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		assertThat(browser.text(PREVIEW)).contains("\"username_generation_policy\"");
		shot("wizard-2-integration");
		confirm(STEP);
		shot("wizard-3-activation");
		confirm(STEP);
		assertThat(browser.text(STEP)).isEqualTo("Step 4: Service account");
		assertThat(browser.value(By.id("username"))).isEqualTo("browser_cluster_agent");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		shot("wizard-4-service-account");
		confirm(STEP);
		shot("wizard-5-manager-role");
		confirm(STEP);
		shot("wizard-6-token");
		confirm(By.id("token-once"));
		assertThat(browser.findAll(By.id("token-value"))).isEmpty();
		browser.click(By.id("show-token-confirmed"));
		browser.clickAndWait(By.id("show-token"), By.id("token-value"));
		String token = browser.text(By.id("token-value"));
		assertThat(token).hasSize(40);
		assertThat(browser.find(By.id("copy-token")).isDisplayed()).isTrue();
		shot("wizard-6-token-shown");
		browser.clickAndWait(By.id("back-to-summary"), SUMMARY);
		browser.clickAndWait(By.id("resume"), STEP);
		assertThat(browser.text(STEP)).isEqualTo("Step 7: Keep the agent's token valid");
		assertThat(browser.text(By.id("preview-request"))).startsWith("PATCH http://");
		assertThat(browser.text(By.id("preview-authorization"))).contains("service-account token");
		shot("wizard-7-keep-token");
		confirm(By.id("completed"));
		assertThat(browser.text(By.id("completed"))).contains("Onboarding complete");
		shot("wizard-8-completed");
		browser.reload(SUMMARY);
		assertThat(browser.findAll(By.id("token-value"))).isEmpty();
		assertThat(browser.pageSource()).doesNotContain(token);
		assertThat(browser.findAll(By.cssSelector("#attempts tbody tr[data-outcome='SUCCEEDED']"))).hasSize(7);
		assertThat(count("Browser Cluster")).isEqualTo(1);
	}

	@Test
	void supportResumesAnOnboardingThatMetAWaldurFailure() {
		signIn("operator");
		startDraft("Resumed Cluster");
		fillOffering("Resumed Cluster");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		confirm(STEP);
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		confirm(STEP);
		confirm(STEP);
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		this.faults.failWith("POST", "users/", 500, 1);
		confirm(By.id("last-attempt"));
		assertThat(browser.text(By.id("last-attempt"))).contains("Failed", "500");
		// Waldur answered with an error: it may have created the user anyway, so the next
		// run looks it up first.
		assertThat(browser.text(By.id("step-status"))).isEqualTo("Result unknown: check Waldur");
		assertThat(browser.text(By.id("run-step"))).isEqualTo("Check Waldur and continue");
		shot("wizard-resume-1-failure");

		browser.clickAndWait(By.id("logout"), By.id("login-logout"));
		signIn("support");
		shot("wizard-resume-2-support-home");
		browser.clickAndWait(By.linkText("Resumed Cluster"), STEP);
		assertThat(browser.text(STEP)).isEqualTo("Step 4: Service account");
		confirm(STEP);
		shot("wizard-resume-3-support-retried");
		confirm(STEP);
		confirm(By.id("token-once"));
		browser.click(By.id("show-token-confirmed"));
		browser.clickAndWait(By.id("show-token"), By.id("token-value"));
		assertThat(browser.findAll(By.id("token-value"))).hasSize(1);
		browser.clickAndWait(By.id("back-to-summary"), SUMMARY);
		browser.clickAndWait(By.id("resume"), STEP);
		confirm(By.id("completed"));
		assertThat(browser.text(By.id("completed"))).contains("Onboarding complete");
		shot("wizard-resume-4-completed");
		assertThat(this.jdbc.sql("select count(*) from sandbox_user where username = 'resumed_cluster_agent'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aConfirmationOfARequestChangedInAnotherTabIsRefused() {
		signIn("operator");
		startDraft("Reviewed Cluster");
		fillOffering("Reviewed Cluster");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		// The saved answers are read-only beside the request to confirm.
		assertThat(browser.findAll(By.id("offering-form"))).isEmpty();
		assertThat(browser.text(By.id("saved-name"))).isEqualTo("Reviewed Cluster");
		String reviewTab = browser.driver().getWindowHandle();
		String reviewUrl = browser.driver().getCurrentUrl();

		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.driver().get(reviewUrl);
		browser.awaitPage(By.id("change-inputs"));
		browser.clickAndWait(By.id("change-inputs"), By.id("offering-form"));
		browser.type(By.id("name"), "Renamed Cluster");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		assertThat(browser.text(PREVIEW)).contains("\"name\" : \"Renamed Cluster\"");
		browser.driver().close();

		browser.driver().switchTo().window(reviewTab);
		assertThat(browser.text(PREVIEW)).contains("\"name\" : \"Reviewed Cluster\"");
		confirm(By.cssSelector(".alert-danger"));
		assertThat(browser.text(By.cssSelector(".alert-danger")))
			.contains("This request changed since you reviewed it");
		shot("wizard-changed-since-review");
		assertThat(count("Reviewed Cluster")).isZero();
		assertThat(count("Renamed Cluster")).isZero();
		assertThat(browser.text(PREVIEW)).contains("\"name\" : \"Renamed Cluster\"");
		confirm(STEP);
		assertThat(browser.text(STEP)).isEqualTo("Step 2: Integration options");
		assertThat(count("Renamed Cluster")).isEqualTo(1);
	}

	@Test
	void aConfirmationWaitingForASlowWaldurSaysSoAndASecondPressSendsNothing() {
		signIn("operator");
		startDraft("Slow Cluster");
		fillOffering("Slow Cluster");
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		confirm(STEP);
		browser.clickAndWait(By.id("save-step"), PREVIEW);
		confirm(STEP);
		assertThat(browser.text(STEP)).isEqualTo("Step 3: Activation");
		this.faults.delay("POST", "*/activate/", Duration.ofSeconds(4), 1);
		assertThat(browser.text(By.cssSelector("[data-sending-status]"))).isEmpty();
		// The browser driver waits for a pending page before it answers, so the page
		// notes
		// what it shows once sent, and presses again while Waldur has not answered yet.
		browser.driver().executeScript("""
				sessionStorage.clear();
				document.addEventListener('submit', function (event) {
				  if (window.pressed) {
				    sessionStorage.setItem('second-press', event.defaultPrevented ? 'sent nothing' : 'sent again');
				    return;
				  }
				  window.pressed = true;
				  var form = event.target, button = form.querySelector('#run-step');
				  sessionStorage.setItem('status', form.querySelector('[data-sending-status]').textContent);
				  sessionStorage.setItem('button', String(button.getAttribute('aria-disabled')));
				  setTimeout(function () { form.requestSubmit(button); }, 200);
				});""");
		confirm(STEP);
		assertThat(stored("status")).startsWith("Sent to Waldur, waiting for its answer.");
		assertThat(stored("button")).isEqualTo("true");
		assertThat(stored("second-press")).isEqualTo("sent nothing");
		assertThat(browser.text(STEP)).isEqualTo("Step 4: Service account");
		assertThat(browser.findAll(By.cssSelector(".alert-danger"))).isEmpty();
		assertThat(browser.text(By.cssSelector(".alert-success"))).startsWith("Step 3 done: Offering activated");
	}

	@Test
	void invalidInputIsExplainedNextToTheFieldAndKept() {
		signIn("operator");
		startDraft("Invalid Input Cluster");
		browser.find(By.id("name")).clear();
		browser.type(By.id("components0.type"), "node hours!");
		browser.clickAndWait(By.id("save-step"), By.id("error-summary"));
		assertThat(browser.text(By.id("error-summary"))).contains("Enter the name of the offering.",
				"Use letters, digits and _ - / : only.", "Choose the provider organisation.");
		assertThat(browser.value(By.id("components0.type"))).isEqualTo("node hours!");
		shot("wizard-validation");
	}

	private static String stored(String key) {
		return String.valueOf(browser.driver().executeScript("return sessionStorage.getItem(arguments[0]);", key));
	}

	/** "New onboarding" stores nothing until its name is saved. */
	private static void startDraft(String name) {
		browser.clickAndWait(By.id("new-onboarding"), By.id("new-onboarding-form"));
		browser.type(By.id("name"), name);
		browser.clickAndWait(By.id("save-draft"), STEP);
	}

	private static void fillOffering(String name) {
		browser.type(By.id("name"), name);
		browser.find(By.id("description")).sendKeys("SLURM cluster onboarded from the browser test");
		browser.select(By.id("customerUuid"), "Sandbox HPC Centre (service provider)");
		browser.select(By.id("categoryUuid"), "HPC");
	}

	/** Confirms the previewed request and waits for the page that follows. */
	private static void confirm(By next) {
		browser.clickAndWait(By.id("run-step"), next);
	}

	private static void signIn(String username) {
		browser.open("/login", By.id("sign-in"));
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), "sandbox-demo");
		browser.clickAndWait(By.id("sign-in"), By.id("current-user"));
	}

	private long count(String name) {
		return this.jdbc.sql("select count(*) from sandbox_offering where name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	private static void shot(String name) {
		browser.screenshot(name);
	}

}
