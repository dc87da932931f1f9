package org.waldur.portal.agent;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, the operator of a completed sandbox onboarding runs the hand-over checks
 * ("not started yet"), simulates the agent's first start and ends with a green "agent
 * running"; the desk then shows the agent as seen. Screenshots go to
 * {@code target/screenshots/agent-running-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentRunningBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@Test
	void aCompletedOnboardingEndsWithAGreenAgentRunningAfterTheSimulatedStart() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Running " + tag, "running_" + tag + "_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);

		browser.open("/login", By.id("sign-in"));
		browser.type(By.id("username"), "operator");
		browser.type(By.id("password"), "sandbox-demo");
		browser.clickAndWait(By.id("sign-in"), By.id("current-user"));

		browser.open("/onboarding/" + id + "/agent", By.id("checks"));
		assertThat(browser.text(By.id("install-commands"))).contains("waldur-site-agent-slurm",
				"waldur-site-agent-basic-username-management");
		assertThat(browser.text(By.id("unit-downloads"))).contains("waldur-agent-order-process.service");
		browser.clickAndWait(By.id("run-checks"), By.id("checks"));
		assertThat(browser.find(By.id("check-AGENT_RUNNING")).getAttribute("data-outcome")).isEqualTo("WARNING");
		assertThat(browser.text(By.id("check-AGENT_RUNNING"))).contains("Not started yet");
		assertThat(browser.find(By.id("check-TOKEN_LIFETIME")).getAttribute("data-outcome")).isEqualTo("PASSED");
		browser.screenshot("agent-running-1-not-started");

		browser.clickAndWait(By.id("simulate-start"), By.id("checks"));
		assertThat(browser.find(By.id("check-AGENT_RUNNING")).getAttribute("data-outcome")).isEqualTo("PASSED");
		assertThat(browser.text(By.id("check-AGENT_RUNNING"))).contains("Agent running", "Site agent is running",
				"version 1.0.8", "order_process: Active");
		assertThat(browser.text(By.id("checks-green"))).isEqualTo("All checks passed.");
		assertThat(browser.text(By.id("agent-seen"))).contains("first seen");
		browser.screenshot("agent-running-2-green");

		browser.open("/onboarding?q=running+" + tag, By.id("sessions"));
		assertThat(browser.text(By.id("agent-" + id))).isEqualTo("Agent seen");
		browser.screenshot("agent-running-3-desk");
	}

}
