package org.waldur.portal.onboarding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxFixtures;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.sandbox.SandboxWaldurVersion;
import org.waldur.portal.waldur.WaldurServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the pages show of the Waldur version and the prerequisites, and the integration
 * form's refusal of a username policy the options contradict.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WaldurVersionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxWaldurVersion sandboxVersion;

	@Autowired
	WaldurServer server;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	static int counter;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void reset() {
		SandboxFixtures.resetVersion(this.context);
	}

	@Test
	void theServiceProviderPolicyWithoutUserCreationIsRefusedOnTheField() throws Exception {
		long id = this.driver.prepared("Policy Cluster " + (++counter), "policy_agent_" + counter,
				OnboardingDriver.OPERATOR);
		IntegrationInput saved = this.onboarding.get(id, OnboardingDriver.OPERATOR).getIntegrationInput();
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/integration").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("homedirPrefix", "/home/")
				.param("usernameAnonymizedPrefix", "waldur_")
				.param("usernameGenerationPolicy", "service_provider")
				.param("accountNameGenerationPolicy", "project_slug")
				.param("initialUidnumber", "5000x"))
			.andExpect(status().isOk())
			// a refused number stays as typed, in a text box (a number box would empty
			// it)
			.andExpect(content().string(containsString("type=\"text\" class=\"form-control is-invalid\"")))
			.andExpect(content().string(containsString("value=\"5000x\"")))
			.andExpect(model().attributeHasFieldErrors("form", "serviceProviderCanCreateOfferingUser"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("With the service_provider username policy, tick")))
			// the error summary's link reaches the box it names
			.andExpect(content().string(containsString("href=\"#serviceProviderCanCreateOfferingUser\"")))
			.andExpect(content().string(containsString("id=\"serviceProviderCanCreateOfferingUser\"")))
			.andExpect(content().string(containsString("for=\"serviceProviderCanCreateOfferingUser\"")));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getIntegrationInput()).isEqualTo(saved);

		this.mvc
			.perform(post("/onboarding/" + id + "/steps/integration").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("homedirPrefix", "/home/")
				.param("usernameAnonymizedPrefix", "waldur_")
				.param("usernameGenerationPolicy", "service_provider")
				.param("accountNameGenerationPolicy", "project_slug")
				.param("serviceProviderCanCreateOfferingUser", "true"))
			.andExpect(redirectedUrl("/onboarding/" + id + "/steps/integration#preview"));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getIntegrationInput().usernameGenerationPolicy())
			.isEqualTo("service_provider");
	}

	@Test
	void theOfferingStepShowsMissingPrerequisitesAndOffersSupportTheRegistration() throws Exception {
		String organisation = "Page Provider " + (++counter);
		String customer = SandboxFixtures.newOrganisation(this.context, organisation);
		long id = this.driver.prepared(this.driver.offering("Page Cluster " + counter, customer, organisation),
				"page_agent_" + counter, OnboardingDriver.OPERATOR);
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("id=\"prerequisites\"")))
			.andExpect(content().string(containsString("is not a registered service provider in Waldur yet")))
			.andExpect(content().string(containsString("id=\"provider-ask-support\"")))
			.andExpect(content().string(not(containsString("id=\"register-provider\""))))
			.andExpect(content().string(not(containsString("id=\"run-step\""))));
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("support").roles("SUPPORT")))
			.andExpect(content().string(containsString("id=\"register-provider\"")))
			.andExpect(content().string(containsString("marketplace-service-providers/")));

		this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("is a registered service provider.")))
			.andExpect(content().string(not(containsString("id=\"provider-explained\""))))
			.andExpect(content().string(containsString("id=\"run-step\"")));
	}

	@Test
	void thePickerTellsWhichOrganisationsAreProviders() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString(SandboxSeed.PROVIDER_CUSTOMER + " (service provider)")))
			.andExpect(content().string(containsString(SandboxSeed.OTHER_CUSTOMER + " (not a service provider yet)")));
	}

	@Test
	void theHealthAndSandboxPagesShowTheVersion() throws Exception {
		SandboxFixtures.answerAs(this.context, "8.0.5");
		this.mvc.perform(get("/actuator/health/readiness").with(user("admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.waldur.details.version").value("8.0.5"))
			.andExpect(jsonPath("$.components.waldur.details.providersMayActivateOfferings")
				.value("not allowed (staff only)"));
		this.mvc
			.perform(post("/admin/sandbox/waldur-version").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("version", "8.1.2"))
			.andExpect(redirectedUrl("/admin/sandbox"));
		assertThat(this.sandboxVersion.current()).isEqualTo("8.1.2");
		this.mvc.perform(get("/admin/sandbox").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("id=\"sandbox-waldur-version\">8.1.2<")));
		this.mvc
			.perform(post("/admin/sandbox/waldur-version").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("version", "latest"))
			.andExpect(redirectedUrl("/admin/sandbox"));
		assertThat(this.sandboxVersion.current()).isEqualTo("8.1.2");
	}

	@Test
	void theIntegrationStepSaysTheNumbersAreNotSentTo812() throws Exception {
		SandboxFixtures.answerAs(this.context, "8.1.2");
		long id = this.driver.prepared("Note Cluster " + (++counter), "note_agent_" + counter,
				OnboardingDriver.OPERATOR);
		assertThat(this.onboarding.waldur().version()).as(String.valueOf(this.onboarding.waldur().problem()))
			.isEqualTo("8.1.2");
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getWaldurVersion()).isEqualTo("8.1.2");
		this.mvc.perform(get("/onboarding/" + id + "/steps/integration").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("id=\"uid-numbers-note\"")))
			.andExpect(content().string(containsString("id=\"onboarding-waldur-version\">8.1.2<")))
			.andExpect(content().string(not(containsString("initial_uidnumber"))));
	}

}
