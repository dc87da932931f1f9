package org.waldur.portal.onboarding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a new user met walking through a sandbox onboarding: messages that repeat the
 * step's name, Waldur's message run into the portal's advice, counts as "plan(s)", a
 * token shown without its lifetime, an offering shown as its UUID, two primary actions on
 * a completed onboarding whose refresh has no clear outcome, and no word while a slow
 * Waldur answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PlainSpokenPagesTests {

	private static int counter;

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	@Test
	void aStepDoneSaysWhichStepWithoutRepeatingItsName() throws Exception {
		long id = prepared();
		this.mvc
			.perform(post("/onboarding/{id}/steps/offering/run", id).param("version", version(id))
				.param("fingerprint", this.driver.fingerprint(id, OnboardingStep.OFFERING))
				.with(user("operator").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "Step 1 done: Offering created in Waldur as a Draft."));
	}

	@Test
	void waldursMessageEndsBeforeThePortalsAdviceFollows() {
		long id = prepared();
		for (OnboardingStep step : new OnboardingStep[] { OnboardingStep.OFFERING, OnboardingStep.INTEGRATION,
				OnboardingStep.ACTIVATION }) {
			this.driver.run(id, step, OnboardingDriver.OPERATOR);
		}
		this.faults.failWith("POST", "users/", 500, 1);
		StepAttempt failed = this.driver.run(id, OnboardingStep.SERVICE_ACCOUNT, OnboardingDriver.OPERATOR);
		assertThat(failed.getMessage()).contains("(500: Internal Server Error). Your inputs are kept")
			.doesNotContain(") Your");
	}

	@Test
	void aFailureThatMustBeCheckedSaysWhyTheStepNowChecksWaldurFirst() throws Exception {
		long id = prepared();
		this.faults.failWith("POST", "marketplace-provider-offerings/", 500, 1);
		StepAttempt failed = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(failed.getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		// The badge says the result is unknown; the failed attempt says why it is
		// checked.
		assertThat(page("/onboarding/{id}/steps/offering", id)).contains("Last attempt: Failed.")
			.contains("id=\"last-attempt-reconcile\"")
			.contains("Waldur may have made the change before it answered");
		// The run's answer, as a browser follows it: the redirect's flash repeats the
		// last
		// attempt's message, and the page shows it once.
		long again = prepared();
		this.faults.failWith("POST", "marketplace-provider-offerings/", 500, 1);
		org.springframework.test.web.servlet.MvcResult ran = this.mvc
			.perform(post("/onboarding/{id}/steps/offering/run", again).param("version", version(again))
				.param("fingerprint", this.driver.fingerprint(again, OnboardingStep.OFFERING))
				.with(user("operator").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String message = this.onboarding.lastAttempt(again, OnboardingStep.OFFERING).getMessage();
		jakarta.servlet.http.Cookie session = ran.getResponse().getCookie("JSESSIONID");
		assertThat(session).isNotNull();
		String shown = this.mvc
			.perform(get(ran.getResponse().getRedirectedUrl()).cookie(session).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("id=\"last-attempt\"");
		assertThat(shown.split(java.util.regex.Pattern.quote(message), -1)).hasSize(2);
		long refused = prepared();
		this.faults.failWith("POST", "marketplace-provider-offerings/", 400, 1);
		this.driver.run(refused, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(page("/onboarding/{id}/steps/offering", refused)).contains("id=\"last-attempt\"")
			.doesNotContain("id=\"last-attempt-reconcile\"");
	}

	@Test
	void theHistoryNamesEachCellsColumnSoAPhoneCanShowARowAsABlock() throws Exception {
		long id = prepared();
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(page("/onboarding/{id}/summary", id)).containsPattern("<table[^>]*table-stack[^>]*id=\"attempts\"")
			.contains("<td data-label=\"Step\">Offering</td>")
			.contains("<td data-label=\"Message\">");
	}

	@Test
	void theRoleStepNamesTheOfferingBeforeItsUuid() throws Exception {
		long id = prepared();
		for (OnboardingStep step : new OnboardingStep[] { OnboardingStep.OFFERING, OnboardingStep.INTEGRATION,
				OnboardingStep.ACTIVATION, OnboardingStep.SERVICE_ACCOUNT }) {
			this.driver.run(id, step, OnboardingDriver.OPERATOR);
		}
		String uuid = this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingUuid();
		String page = page("/onboarding/{id}/steps/manager-role", id);
		String offering = page.substring(page.indexOf("id=\"role-offering\""));
		offering = offering.substring(0, offering.indexOf("</dd>"));
		assertThat(offering).contains("<strong>Plain " + counter + "</strong>").contains(uuid);
		assertThat(offering.indexOf("Plain " + counter)).isLessThan(offering.indexOf(uuid));
	}

	@Test
	void aCompletedOnboardingCountsInWordsShowsTheTokensLifetimeAndOneNextAction() throws Exception {
		long id = prepared();
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		String page = page("/onboarding/{id}/summary", id);
		assertThat(page).contains("id=\"plans-components\">1 plan, 1 component</dd>")
			.contains("<span id=\"token-lifetime\">never expires</span>")
			.doesNotContain("plan(s)")
			.doesNotContain("id=\"resume\"")
			.contains("class=\"btn btn-primary\" id=\"handover-next\" href=\"/onboarding/" + id + "/agent\"");
	}

	@Test
	void aRefreshWithoutAClearOutcomeLeadsTheSummaryWithItsCheckAsTheOnePrimaryAction() throws Exception {
		long id = prepared();
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		this.faults.applyThenFail("POST", "users/*/refresh_token/", 504, 1);
		assertThat(this.driver.run(id, OnboardingStep.TOKEN_REFRESH, OnboardingDriver.OPERATOR).getOutcome())
			.isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		String page = page("/onboarding/{id}/summary", id);
		assertThat(page.indexOf("id=\"refresh-uncertain\"")).isPositive().isLessThan(page.indexOf("id=\"completed\""));
		assertThat(page).contains("class=\"btn btn-primary\" id=\"check-refresh\"")
			.contains("class=\"btn btn-outline-primary\" id=\"handover-next\"")
			.doesNotContain("id=\"resume\"");
	}

	@Test
	void formsThatSendToWaldurSayTheyWaitForItsAnswer() throws Exception {
		long id = prepared();
		String page = page("/onboarding/{id}/steps/offering", id);
		String form = page.substring(page.lastIndexOf("<form", page.indexOf("id=\"run-step\"")));
		form = form.substring(0, form.indexOf("</form>"));
		assertThat(form).contains("data-waits-for-waldur=\"Sent to Waldur, waiting for its answer.")
			.contains("each call waits up to 30 seconds")
			.contains("role=\"status\" data-sending-status");
	}

	@Test
	void waldursCodesComeSecondInTheOptionLists() throws Exception {
		long id = prepared();
		assertThat(page("/onboarding/{id}/steps/offering?edit=true", id)).contains(">Reported use (usage)</option>",
				">No period</option>", ">Per month (month)</option>");
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(page("/onboarding/{id}/steps/integration?edit=true", id))
			.contains(">The site agent makes usernames (service_provider)</option>",
					">From the project&#39;s slug (project_slug)</option>")
			.doesNotContain(">none</option>");
	}

	@Test
	void theOfferingStepSaysWhereEachValueIsFound() throws Exception {
		long id = prepared();
		String page = page("/onboarding/{id}/steps/offering?edit=true", id).replaceAll("\\s+", " ");
		assertThat(page)
			.contains("aria-describedby=\"customerUuid-help\"", "aria-describedby=\"categoryUuid-help\"",
					"aria-describedby=\"description-help\"")
			.contains("in HomePort: Organizations, the organisation, Service provider")
			.contains("HomePort: user menu, Credentials, API token")
			.contains("<strong>unit factor</strong> turns SLURM");
	}

	private long prepared() {
		int n = ++counter;
		return this.driver.prepared("Plain " + n, "plain_agent_" + n, OnboardingDriver.OPERATOR);
	}

	private String version(long id) {
		return Long.toString(this.driver.version(id));
	}

	private String page(String path, long id) throws Exception {
		return this.mvc.perform(get(path, id).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
