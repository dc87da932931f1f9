package org.waldur.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.ApiTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body with values of the wrong kind is refused field by field, never with a 500, and
 * never read as something else than was sent: an object, list or {@code true} where a
 * word or number goes, {@code null} where a value is needed, a number too large for its
 * field, a fraction for a whole number, and a token lifetime that is not one of the two
 * choices. Spaces around a word are ignored, as a form trims them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApiWrongValuesTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	private ApiClient api() {
		return new ApiClient(this.port, ApiTestTokens.issue(this.tokens, "operator", "test").secret());
	}

	private String body(String name) {
		return ApiClient.createBody(name, name.toLowerCase().replace(' ', '_'), this.seed.providerCustomerUuid(),
				this.seed.categoryUuid("HPC"));
	}

	private static Map<String, String> refused(ApiClient.Answer answer) {
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
		assertThat(answer.json().get("type").asString()).as(answer.raw().body())
			.isEqualTo(ApiProblems.TYPE + "invalid-input");
		Map<String, String> errors = new LinkedHashMap<>();
		answer.json()
			.get("errors")
			.valueStream()
			.forEach((JsonNode error) -> errors.put(error.get("field").asString(), error.get("message").asString()));
		return errors;
	}

	@Test
	void valuesOfTheWrongKindAreNamedTogether() {
		String body = body("Api Wrong Kinds").replace("\"billingType\": \"usage\"", "\"billingType\": {\"a\": 1}")
			.replace("\"name\": \"Api Wrong Kinds\"", "\"name\": {\"x\": 1}")
			.replace("\"limitAmount\": 100", "\"limitAmount\": [1]")
			.replace("\"unitFactor\": 1", "\"unitFactor\": true")
			.replace("\"shared\": true", "\"shared\": null")
			.replace("\"supportsPausing\": true", "\"supportsPausing\": \"often\"");
		assertThat(refused(api().post("/api/v1/onboardings", body)))
			.containsEntry("offering.components[0].billingType", "Choose usage, limit or one.")
			.containsEntry("offering.name", "Enter a text here, not a number, list or object.")
			.containsEntry("offering.components[0].limitAmount", "Enter a whole number, such as 100.")
			.containsEntry("offering.components[0].unitFactor", "Enter a whole number, such as 100.")
			.containsEntry("offering.shared", "Enter true or false.")
			.containsEntry("integration.supportsPausing", "Enter true or false.");
	}

	@Test
	void aListThatIsNotOneOrIsMissingIsRefusedOnItsField() {
		assertThat(refused(api().post("/api/v1/onboardings",
				body("Api Components Text").replaceFirst("\"components\": \\[[^]]*]", "\"components\": \"x\""))))
			.containsEntry("offering.components", "Give a list here, in [ and ].");
		assertThat(refused(api().post("/api/v1/onboardings",
				body("Api Components Null").replaceFirst("\"components\": \\[[^]]*]", "\"components\": null"))))
			.containsEntry("offering.components", "Add between 1 and 20 components.");
		assertThat(refused(api().post("/api/v1/onboardings",
				body("Api Plan Null").replaceFirst("\"plans\": \\[[^]]*]", "\"plans\": [null]"))))
			.containsEntry("offering.plans[0]", "Fill in this plan or leave it out.");
	}

	@Test
	void aNumberTooLargeOrAFractionIsRefusedNotCutDown() {
		assertThat(refused(api().post("/api/v1/onboardings",
				body("Api Too Large").replace("\"limitAmount\": 100", "\"limitAmount\": 3000000000"))))
			.containsEntry("offering.components[0].limitAmount", "Enter a whole number, such as 100.");
		assertThat(refused(api().post("/api/v1/onboardings",
				body("Api Fraction").replace("\"unitFactor\": 1", "\"unitFactor\": 2.7"))))
			.containsEntry("offering.components[0].unitFactor", "Enter a whole number, such as 100.");
	}

	@Test
	void aTokenLifetimeThatIsNeitherChoiceIsRefusedNotReadAsNever() {
		assertThat(refused(api().post("/api/v1/onboardings",
				body("Api Lifetime").replace("\"keepToken\": {\"expiry\": \"never\"}",
						"\"keepToken\": {\"expiry\": \"HOURS\", \"hours\": 24}"))))
			.containsEntry("keepToken.expiry",
					"Choose whether the token never expires or expires after a number of hours without use.");
		ApiClient.Answer kept = api().post("/api/v1/onboardings", body("Api Lifetime Kept").replace(
				"\"keepToken\": {\"expiry\": \"never\"}", "\"keepToken\": {\"expiry\": \"hours\", \"hours\": 24}"));
		assertThat(kept.status()).as(kept.raw().body()).isEqualTo(201);
		OnboardingSession session = this.onboarding.get(kept.json().get("id").asLong(), OnboardingDriver.OPERATOR);
		assertThat(session.getKeepTokenSeconds()).isEqualTo(24 * 3600);
	}

	@Test
	void spacesAroundAWordAreIgnoredAsOnAForm() {
		ApiClient.Answer created = api().post("/api/v1/onboardings",
				body("Api Padded Word").replace("\"billingType\": \"usage\"", "\"billingType\": \" limit \"")
					.replace("\"limitPeriod\": \"month\"", "\"limitPeriod\": \" total\""));
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		OnboardingSession session = this.onboarding.get(created.json().get("id").asLong(), OnboardingDriver.OPERATOR);
		assertThat(session.getOfferingInput().components().get(0).billingType()).isEqualTo("limit");
		assertThat(session.getOfferingInput().components().get(0).limitPeriod()).isEqualTo("total");
	}

}
