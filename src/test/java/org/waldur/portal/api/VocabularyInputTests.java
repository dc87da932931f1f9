package org.waldur.portal.api;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.ApiTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forms and the API take Waldur's vocabularies by Waldur's values: an unknown value is
 * refused on its field with the form's message, pages list the vocabularies and select
 * the stored value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class VocabularyInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	@Test
	void anUnknownBillingTypeOrPeriodIsRefusedOnItsField() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("name", "Vocabulary")
				.param("customerUuid", this.seed.providerCustomerUuid())
				.param("categoryUuid", this.seed.categoryUuid("HPC"))
				.param("components[0].type", "node_hours")
				.param("components[0].name", "Node hours")
				.param("components[0].measuredUnit", "Node-hours")
				.param("components[0].billingType", "USAGE")
				.param("components[0].limitPeriod", "weekly")
				.param("plans[0].name", "Default")
				.param("plans[0].unit", "fortnight"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "components[0].billingType", "components[0].limitPeriod",
					"plans[0].unit"))
			.andExpect(content().string(containsString("Choose usage, limit or one.")))
			.andExpect(content().string(containsString("Choose month, quarterly, annual or total, or no period.")))
			.andExpect(content().string(containsString("Choose a billing unit from the list.")))
			.andExpect(content().string(containsString("value=\"half_month\"")));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingInput()).isNull();
	}

	@Test
	void anUnknownPolicyIsRefusedOnItsFieldAndAKnownOneIsKept() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/integration").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("homedirPrefix", "/home/")
				.param("usernameAnonymizedPrefix", "waldur_")
				.param("usernameGenerationPolicy", "SERVICE_PROVIDER")
				.param("accountNameGenerationPolicy", "FORGED"))
			.andExpect(status().isOk())
			.andExpect(
					model().attributeHasFieldErrors("form", "usernameGenerationPolicy", "accountNameGenerationPolicy"))
			.andExpect(content().string(containsString("Choose a policy from the list.")))
			.andExpect(content().string(containsString("Choose project_slug, or no policy.")));
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/integration").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("homedirPrefix", "/home/")
				.param("usernameAnonymizedPrefix", "waldur_")
				.param("usernameGenerationPolicy", "full_name")
				.param("accountNameGenerationPolicy", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getIntegrationInput()).satisfies((input) -> {
			assertThat(input.usernameGenerationPolicy()).isEqualTo("full_name");
			assertThat(input.accountNameGenerationPolicy()).isNull();
		});
		this.mvc
			.perform(get("/onboarding/" + id + "/steps/integration").param("edit", "true")
				.with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"full_name\" selected=\"selected\">")));
	}

	@Test
	void theApiRefusesAnUnknownValueOnItsFieldWithTheFormsMessage() {
		ApiClient api = new ApiClient(this.port, ApiTestTokens.issue(this.tokens, "operator", "test").secret());
		String body = ApiClient
			.createBody("Api Vocabulary", "api_vocabulary", this.seed.providerCustomerUuid(),
					this.seed.categoryUuid("HPC"))
			.replace("\"billingType\": \"usage\"", "\"billingType\": \"free-money\"");
		ApiClient.Answer refused = api.post("/api/v1/onboardings", body);
		assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("offering.components[0].billingType");
		assertThat(error.get("message").asString()).isEqualTo("Choose usage, limit or one.");
		assertThat(refused.json().get("type").asString()).isEqualTo(ApiProblems.TYPE + "invalid-input");
	}

	@Test
	void theApiNamesEveryValueItCannotReadTogetherWithTheOtherErrors() {
		ApiClient api = new ApiClient(this.port, ApiTestTokens.issue(this.tokens, "operator", "test").secret());
		String body = ApiClient
			.createBody("", "api_every_error", this.seed.providerCustomerUuid(), this.seed.categoryUuid("HPC"))
			.replace("\"billingType\": \"usage\"", "\"billingType\": \"free-money\"")
			.replace("\"limitAmount\": 100", "\"limitAmount\": \"lots\"")
			.replace("\"unit\": \"month\"", "\"unit\": \"fortnight\"")
			.replace("\"accountNameGenerationPolicy\": \"project_slug\"",
					"\"accountNameGenerationPolicy\": \"FORGED\"");
		ApiClient.Answer refused = api.post("/api/v1/onboardings", body);
		assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
		Map<String, String> errors = new HashMap<>();
		refused.json()
			.get("errors")
			.valueStream()
			.forEach((error) -> errors.put(error.get("field").asString(), error.get("message").asString()));
		assertThat(errors).containsEntry("offering.components[0].billingType", "Choose usage, limit or one.")
			.containsEntry("offering.components[0].limitAmount", "Enter a whole number, such as 100.")
			.containsEntry("offering.plans[0].unit", "Choose a billing unit from the list.")
			.containsEntry("integration.accountNameGenerationPolicy", "Choose project_slug, or no policy.")
			.containsKey("offering.name");
	}

	@Test
	void anUnknownPropertyIsStillIgnoredAndBrokenJsonStillRefusedAsAWhole() {
		ApiClient api = new ApiClient(this.port, ApiTestTokens.issue(this.tokens, "operator", "test").secret());
		String body = ApiClient
			.createBody("Api Extra Field", "api_extra_field", this.seed.providerCustomerUuid(),
					this.seed.categoryUuid("HPC"))
			.replace("\"shared\": true", "\"shared\": true, \"colour\": \"blue\"");
		assertThat(api.post("/api/v1/onboardings", body).status()).isEqualTo(201);
		ApiClient.Answer broken = api.post("/api/v1/onboardings", "{\"offering\": {\"name\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().has("errors")).isFalse();
	}

}
