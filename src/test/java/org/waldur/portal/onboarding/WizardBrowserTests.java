package org.waldur.portal.onboarding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser walks the wizard in sandbox mode: an operator completes it; another
 * operator meets a Waldur failure at the service-account step, and support resumes and
 * completes it. Screenshots of every step go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WizardBrowserTests {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcClient jdbc;

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

	@AfterEach
	void signOut() {
		this.faults.clear();
		browser.manage().deleteAllCookies();
	}

	@Test
	void operatorCompletesTheWholeWizard() {
		signIn("operator");
		click("new-onboarding");
		fillOffering("Browser Cluster");
		shot("wizard-1-offering-filled");
		click("save-step");
		assertThat(browser.findElement(By.id("preview-request")).getText()).startsWith("POST http://")
			.endsWith("/sandbox/api/marketplace-provider-offerings/");
		assertThat(browser.findElement(By.id("preview-authorization")).getText()).contains("******");
		assertThat(browser.findElement(By.id("preview-body")).getText()).contains("\"name\" : \"Browser Cluster\"",
				"\"type\" : \"Marketplace.Slurm\"");
		shot("wizard-1-offering-preview");
		confirm();
		assertThat(browser.findElement(By.id("step-heading")).getText()).isEqualTo("Step 2: Integration options");
		click("save-step");
		assertThat(browser.findElement(By.id("preview-body")).getText()).contains("\"username_generation_policy\"");
		shot("wizard-2-integration");
		confirm();
		shot("wizard-3-activation");
		confirm();
		assertThat(browser.findElement(By.id("step-heading")).getText()).isEqualTo("Step 4: Service account");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("browser_cluster_agent");
		click("save-step");
		shot("wizard-4-service-account");
		confirm();
		shot("wizard-5-manager-role");
		confirm();
		shot("wizard-6-token");
		confirm();
		assertThat(browser.findElement(By.id("completed")).getText()).contains("Onboarding complete");
		String token = browser.findElement(By.id("token-value")).getText();
		assertThat(token).hasSize(40);
		assertThat(browser.findElement(By.id("copy-token")).isDisplayed()).isTrue();
		shot("wizard-7-completed");
		browser.navigate().refresh();
		assertThat(browser.findElements(By.id("token-value"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(token);
		assertThat(browser.findElements(By.cssSelector("#attempts tbody tr[data-outcome='SUCCEEDED']"))).hasSize(6);
		assertThat(count("Browser Cluster")).isEqualTo(1);
	}

	@Test
	void supportResumesAnOnboardingThatMetAWaldurFailure() {
		signIn("operator");
		click("new-onboarding");
		fillOffering("Resumed Cluster");
		click("save-step");
		confirm();
		click("save-step");
		confirm();
		confirm();
		click("save-step");
		this.faults.failWith("POST", "users/", 500, 1);
		confirm();
		assertThat(browser.findElement(By.id("last-attempt")).getText()).contains("Failed");
		assertThat(browser.findElement(By.id("step-status")).getText()).isEqualTo("Failed");
		assertThat(browser.findElement(By.id("run-step")).getText()).startsWith("Retry");
		shot("wizard-resume-1-failure");
		browser.manage().deleteAllCookies();

		signIn("support");
		WebElement link = browser.findElement(By.linkText("Resumed Cluster"));
		shot("wizard-resume-2-support-home");
		navigate(link);
		assertThat(browser.findElement(By.id("step-heading")).getText()).isEqualTo("Step 4: Service account");
		confirm();
		shot("wizard-resume-3-support-retried");
		confirm();
		confirm();
		assertThat(browser.findElement(By.id("completed")).getText()).contains("Onboarding complete");
		assertThat(browser.findElements(By.id("token-value"))).hasSize(1);
		shot("wizard-resume-4-completed");
		assertThat(this.jdbc.sql("select count(*) from sandbox_user where username = 'resumed_cluster_agent'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void invalidInputIsExplainedNextToTheFieldAndKept() {
		signIn("operator");
		click("new-onboarding");
		browser.findElement(By.id("name")).clear();
		browser.findElement(By.id("components0.type")).clear();
		browser.findElement(By.id("components0.type")).sendKeys("node hours!");
		click("save-step");
		assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Enter the name of the offering.",
				"Use letters, digits and _ - / : only.", "Choose the provider organisation.");
		assertThat(browser.findElement(By.id("components0.type")).getAttribute("value")).isEqualTo("node hours!");
		shot("wizard-validation");
	}

	private void fillOffering(String name) {
		browser.findElement(By.id("name")).clear();
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("description")).sendKeys("SLURM cluster onboarded from the browser test");
		new Select(browser.findElement(By.id("customerUuid"))).selectByVisibleText("Sandbox HPC Centre");
		new Select(browser.findElement(By.id("categoryUuid"))).selectByVisibleText("HPC");
	}

	private void confirm() {
		click("run-step");
	}

	/** Clicks a button or link that loads another page, and waits until it has. */
	private static void click(String id) {
		navigate(browser.findElement(By.id(id)));
	}

	private static void navigate(WebElement element) {
		Browser.clickAndWait(browser, element);
	}

	private void signIn(String username) {
		browser.get("http://localhost:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("sandbox-demo");
		navigate(browser.findElement(By.id("sign-in")));
	}

	private long count(String name) {
		return this.jdbc.sql("select count(*) from sandbox_offering where name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	private static void shot(String name) {
		Browser.screenshot(browser, name);
	}

}
