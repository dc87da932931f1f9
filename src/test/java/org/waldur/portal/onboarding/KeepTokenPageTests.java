package org.waldur.portal.onboarding;

import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The keep-token step's page: the trade-off in plain words, the saved choice read-only
 * above the PATCH request sent with the service account's own token, a chosen lifetime
 * saved and sent, and the fetched token leading to the summary that shows it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class KeepTokenPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@LocalServerPort
	int port;

	@Test
	void thePageExplainsTheTradeOffAndPreviewsThePatchWithTheServiceAccountsToken() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		long id = driver.prepared("Keep Page", "keep_page_agent", OnboardingDriver.OPERATOR);
		for (OnboardingStep step : OnboardingStep.wizard()) {
			if (step == OnboardingStep.TOKEN) {
				this.mvc
					.perform(post("/onboarding/{id}/steps/token/run", id).with(user("operator").roles("OPERATOR"))
						.with(csrf())
						.param("version", String.valueOf(driver.version(id)))
						.param("fingerprint", driver.fingerprint(id, step)))
					.andExpect(redirectedUrl("/onboarding/" + id + "/summary"));
				break;
			}
			driver.run(id, step, OnboardingDriver.OPERATOR);
		}
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getStatus())
			.isEqualTo(OnboardingStatus.IN_PROGRESS);
		this.mvc.perform(get("/onboarding/{id}/steps/keep-token", id).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What you trade")))
			.andExpect(content().string(containsString("never expires")))
			.andExpect(content().string(
					stringContainsInOrder("PATCH", "/users/", "service-account token", "token_lifetime&quot; : null")));

		// a forged choice is refused on the choice, not read as "never expires"
		this.mvc
			.perform(post("/onboarding/{id}/steps/keep-token", id).with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("expiry", "forever")
				.param("hours", "24"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"expiry-error\"")))
			.andExpect(content().string(containsString(
					"Choose whether the token never expires or expires after a number of hours without use.")));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getKeepTokenSeconds()).isNull();
		// hours that are not a number are refused as such, not also as missing
		this.mvc
			.perform(post("/onboarding/{id}/steps/keep-token", id).with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("expiry", "hours")
				.param("hours", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a whole number, such as 100.")))
			.andExpect(content().string(containsString("type=\"text\" min=\"1\" max=\"8760\" id=\"hours\"")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(
					content().string(not(containsString("Enter after how many hours without use the token expires"))));
		this.mvc
			.perform(post("/onboarding/{id}/steps/keep-token", id).with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("expiry", "hours"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter after how many hours without use the token expires")));
		this.mvc
			.perform(post("/onboarding/{id}/steps/keep-token", id).with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("expiry", "hours")
				.param("hours", "720"))
			.andExpect(redirectedUrl("/onboarding/" + id + "/steps/keep-token#preview"));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getKeepTokenSeconds()).isEqualTo(720 * 3600);
		assertThat(driver.run(id, OnboardingStep.KEEP_TOKEN, OnboardingDriver.OPERATOR).getMessage())
			.contains("expires after 30 days without use");
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(session.getServiceTokenLifetime()).isEqualTo(720 * 3600);
	}

}
