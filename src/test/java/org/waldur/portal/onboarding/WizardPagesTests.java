package org.waldur.portal.onboarding;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.OpenApiContract;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The wizard's pages: validation messages, rows, the preview, Waldur's field messages and
 * the access rules per role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WizardPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SandboxFaults faults;

	@Autowired
	WaldurClient waldur;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@Test
	void startingAnOnboardingOpensTheOfferingStep() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/onboarding").param("name", "Started Cluster")
				.with(user("operator").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/onboarding/*/steps/offering"))
			.andReturn();
		this.mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(view().name("onboarding/step"))
			.andExpect(content().string(containsString("value=\"node_hours\"")))
			.andExpect(content().string(containsString("Sandbox HPC Centre")))
			.andExpect(content().string(containsString("id=\"no-preview\"")));
		// the home page counts the wizard's steps
		this.mvc.perform(get("/").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString(
					"<span id=\"wizard-steps\">" + OnboardingStep.wizard().size() + "</span> guided steps")));
	}

	@Test
	void abandoningWithAnEmptyReasonAsksForOneAndKeepsTheOnboarding() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		for (String reason : new String[] { "", "   " }) {
			this.mvc
				.perform(post("/onboarding/" + id + "/abandon").with(user("operator").roles("OPERATOR"))
					.with(csrf())
					.param("version", String.valueOf(this.driver.version(id)))
					.param("reason", reason))
				.andExpect(redirectedUrl("/onboarding/" + id + "/summary#abandon"));
		}
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getStatus())
			.isNotEqualTo(OnboardingStatus.ABANDONED);
	}

	@Test
	void invalidOfferingInputIsExplainedPerField() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("name", "x".repeat(151))
				.param("customerUuid", "not-a-uuid")
				.param("categoryUuid", this.seed.categoryUuid("HPC"))
				.param("components[0].type", "bad type")
				.param("components[0].name", "Node hours")
				.param("components[0].measuredUnit", "Node-hours")
				.param("components[0].billingType", "fixed")
				.param("plans[0].name", "")
				.param("plans[0].unit", "month"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "name", "customerUuid", "components[0].type",
					"components[0].billingType", "plans[0].name"))
			.andExpect(content().string(containsString("Waldur accepts at most 150 characters.")))
			.andExpect(content().string(containsString("Choose usage, limit or one.")));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingInput()).isNull();
	}

	@Test
	void aNumberThatIsNotANumberIsRefusedInPlainWordsNextToItsField() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		String page = this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("name", "Numbers")
				.param("customerUuid", this.seed.providerCustomerUuid())
				.param("categoryUuid", this.seed.categoryUuid("HPC"))
				.param("components[0].type", "node_hours")
				.param("components[0].name", "Node hours")
				.param("components[0].measuredUnit", "Node-hours")
				.param("components[0].billingType", "limit")
				.param("components[0].limitAmount", "ten")
				.param("plans[0].name", "Default")
				.param("plans[0].unit", "month"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "components[0].limitAmount"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("Failed to convert")
			.contains("href=\"#components0.limitAmount\">Enter a whole number, such as 100.</a>")
			.contains("id=\"components0.limitAmount-error\">Enter a whole number, such as 100.</div>")
			.contains("value=\"ten\"");
		// A browser empties a number field holding letters: the refused field is text, so
		// that "ten" stays visible beside its error; the other number fields stay
		// numbers.
		assertThat(page).containsPattern("<input type=\"text\"[^>]*id=\"components0.limitAmount\"[^>]*value=\"ten\"")
			.containsPattern("<input type=\"number\"[^>]*id=\"components0.unitFactor\"");
	}

	@Test
	void twoComponentsWithTheSameTypeAreRefusedNextToTheRepeatedType() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		String page = this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("name", "Twice")
				.param("customerUuid", this.seed.providerCustomerUuid())
				.param("categoryUuid", this.seed.categoryUuid("HPC"))
				.param("components[0].type", "node_hours")
				.param("components[0].name", "Node hours")
				.param("components[0].measuredUnit", "Node-hours")
				.param("components[0].billingType", "usage")
				.param("components[1].type", "cpu")
				.param("components[1].name", "CPU")
				.param("components[1].measuredUnit", "k-Hours")
				.param("components[1].billingType", "usage")
				.param("components[2].type", " node_hours ")
				.param("components[2].name", "Node hours again")
				.param("components[2].measuredUnit", "Node-hours")
				.param("components[2].billingType", "limit")
				.param("plans[0].name", "Default")
				.param("plans[0].unit", "month")
				.param("ownerToken", this.seed.ownerToken()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "components[2].type"))
			.andExpect(model().attributeErrorCount("form", 1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String message = "Each component needs its own type; &#39;node_hours&#39; is used twice.";
		assertThat(page).contains("id=\"error-summary\"")
			.contains("href=\"#components2.type\">" + message + "</a>")
			.contains("<div class=\"invalid-feedback\" id=\"components2.type-error\">" + message + "</div>")
			.containsPattern("id=\"components2.type\" name=\"components\\[2\\].type\" value=\"node_hours\"[^>]*"
					+ "aria-describedby=\"components2.type-error\" aria-invalid=\"true\"");
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingInput()).isNull();
	}

	@Test
	void rowsAreAddedAndRemovedWithoutSaving() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("action", "add-component")
				.param("name", "Rows")
				.param("components[0].type", "node_hours")
				.param("plans[0].name", "Default"))
			.andExpect(status().isOk())
			.andExpect(model().hasNoErrors())
			.andExpect(content().string(containsString("id=\"component-1\"")))
			// The new row's first field takes the focus; no other field does.
			.andExpect(content().string(matchesPattern(
					"(?s).*id=\"components1.type\" name=\"components\\[1\\].type\" value=\"\" autofocus=\"autofocus\".*")))
			.andExpect(content().string(not(containsString(
					"id=\"components0.type\" name=\"components[0].type\" value=\"node_hours\" autofocus"))));
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("action", "remove-plan:0")
				.param("plans[0].name", "Default"))
			.andExpect(content().string(not(containsString("id=\"plan-0\""))));
	}

	@Test
	void theSlurmClusterNameBecomesTheBackendIdOfTheOfferingRequest() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc.perform(offeringPost(id, "Named Cluster").param("backendId", "alpha-cluster_1"))
			.andExpect(redirectedUrl("/onboarding/" + id + "/steps/offering#preview"));
		OfferingInput saved = this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingInput();
		assertThat(saved).isNotNull();
		assertThat(saved.backendId()).isEqualTo("alpha-cluster_1");
		String body = this.waldur
			.preview(WaldurCalls.createOffering(WaldurCredential.Kind.STAFF, WaldurRequestsAccess.offering(saved)))
			.body();
		OpenApiContract.load().assertValid("OfferingCreateRequest", body);
		assertThat(JsonMapper.shared().readTree(body).path("backend_id").asString()).isEqualTo("alpha-cluster_1");
		String page = this.mvc
			.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&quot;backend_id&quot; : &quot;alpha-cluster_1&quot;",
				"id=\"saved-backend-id\">alpha-cluster_1<");
	}

	@Test
	void aClusterNameSlurmWouldRefuseIsExplainedAtTheField() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc.perform(offeringPost(id, "Bad Cluster").param("backendId", "alpha cluster!"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "backendId"))
			.andExpect(content().string(containsString("Use only letters, digits, underscores (_) and hyphens (-)")));
		this.mvc.perform(offeringPost(id, "Long Cluster").param("backendId", "c".repeat(65)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "backendId"))
			.andExpect(content().string(containsString("at most 64 characters")));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingInput()).isNull();
	}

	private MockHttpServletRequestBuilder offeringPost(long id, String name) {
		return post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
			.with(csrf())
			.param("version", String.valueOf(this.driver.version(id)))
			.param("name", name)
			.param("description", "d")
			.param("customerUuid", this.seed.providerCustomerUuid())
			.param("categoryUuid", this.seed.categoryUuid("HPC"))
			.param("components[0].type", "node_hours")
			.param("components[0].name", "Node hours")
			.param("components[0].measuredUnit", "Node-hours")
			.param("components[0].billingType", "usage")
			.param("plans[0].name", "Default")
			.param("plans[0].unit", "month")
			.param("shared", "true");
	}

	@Test
	void savedInputsShowTheExactRequestToConfirm() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("name", "Previewed Cluster")
				.param("description", "d")
				.param("customerUuid", this.seed.providerCustomerUuid())
				.param("categoryUuid", this.seed.categoryUuid("HPC"))
				.param("components[0].type", "node_hours")
				.param("components[0].name", "Node hours")
				.param("components[0].measuredUnit", "Node-hours")
				.param("components[0].billingType", "usage")
				.param("plans[0].name", "Default")
				.param("plans[0].unit", "month")
				.param("shared", "true")
				.param("ownerToken", this.seed.ownerToken()))
			.andExpect(redirectedUrl("/onboarding/" + id + "/steps/offering#preview"));
		String page = this.mvc
			.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("POST http://127.0.0.1:" + this.port + "/sandbox/api/marketplace-provider-offerings/")
			.contains("Token ****** (organisation-owner token)")
			.contains("&quot;name&quot; : &quot;Previewed Cluster&quot;")
			.doesNotContain(this.seed.ownerToken());
		// What is confirmed sits beside the saved answers, read-only, with a way to
		// change them.
		assertThat(page)
			.contains("id=\"saved-inputs\"", "id=\"saved-name\">Previewed Cluster<",
					"the organisation owner&#39;s (stored encrypted)", "id=\"run-step\"", "name=\"fingerprint\"")
			.doesNotContain("id=\"offering-form\"");
		String editing = this.mvc
			.perform(get("/onboarding/" + id + "/steps/offering").param("edit", "true")
				.with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(editing).contains("id=\"offering-form\"", "id=\"owner-token-stored\"")
			.doesNotContain("id=\"run-step\"")
			.doesNotContain(this.seed.ownerToken());
		assertThat(this.jdbc.sql("select owner_token_secret from onboarding_session where id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("v1:").doesNotContain(this.seed.ownerToken());
	}

	@Test
	void waldurFieldMessagesAppearNextToTheField() throws Exception {
		long id = this.driver.prepared("Vanished Category", "vanished_agent", OnboardingDriver.OPERATOR);
		this.jdbc.sql("update onboarding_session set offering_input = replace(offering_input, ?, ?) where id = ?")
			.param(this.seed.categoryUuid("HPC"))
			.param("00000000000000000000000000000000")
			.param(id)
			.update();
		StepAttempt attempt = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(attempt.getOutcome()).isEqualTo(AttemptOutcome.REJECTED);
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andExpect(model().attributeHasFieldErrorCode("form", "categoryUuid", "waldur"))
			.andExpect(content().string(containsString("Waldur: " + Prerequisites.MISSING_CATEGORY)));
		// The prerequisite check refused it: the offering was never sent.
		assertThat(attempt.getHttpMethod()).isEqualTo("GET");
	}

	@Test
	void auditorsReadButCannotRunAndOtherOperatorsSeeNothing() throws Exception {
		long id = this.driver.prepared("Guarded Cluster", "guarded_agent", OnboardingDriver.OPERATOR);
		long version = this.driver.version(id);
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(not(containsString("id=\"run-step\""))));
		// the summary offers an auditor a look at the step, not a button to continue it
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"look-at-current-step\"")))
			.andExpect(content().string(not(containsString("id=\"resume\""))));
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("id=\"resume\"")));
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering/run").with(user("auditor").roles("AUDITOR"))
				.with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("intruder").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/onboarding/" + id + "/summary")).andExpect(status().isFound());
		this.mvc.perform(get("/onboarding/" + id + "/steps/no-such-step").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		assertThat(this.onboarding.attempts(id, OnboardingDriver.OPERATOR)).isEmpty();
	}

	@Test
	void viewingTheSummaryNeverShowsNorUsesUpTheTokenOnlyAPostShowsIt() throws Exception {
		long id = this.driver.prepared("Token Cluster", "token_agent", OnboardingDriver.OPERATOR);
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("operator").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"token-value\""))))
				.andExpect(content().string(containsString("id=\"show-token\"")));
		}
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).isServiceTokenDisplayed()).isFalse();
		this.mvc
			.perform(post("/onboarding/" + id + "/token/reveal").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-value\"")));
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(not(containsString("id=\"token-value\""))))
			.andExpect(content().string(not(containsString("id=\"show-token\""))))
			.andExpect(content().string(containsString("id=\"reveal-token\"")));
		this.mvc
			.perform(post("/onboarding/" + id + "/token/reveal").with(user("auditor").roles("AUDITOR")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/onboarding/" + id + "/token/reveal").with(user("support").roles("SUPPORT"))
				.with(csrf())
				.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-value\"")));
		this.mvc
			.perform(post("/onboarding/" + id + "/token/refresh").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id))))
			.andExpect(redirectedUrl("/onboarding/" + id + "/summary#confirm-refresh"));
		assertThat(this.onboarding.attempts(id, OnboardingDriver.OPERATOR)).hasSize(7);
	}

	@Test
	void aTokenTheKeyCannotDecryptIsShownPlainlyWithTheWayOutInsteadOfAServerError() throws Exception {
		long id = this.driver.prepared("Lost Key Cluster", "lost_key_agent", OnboardingDriver.OPERATOR);
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		String sealedElsewhere = new org.waldur.portal.crypto.SecretBox(new byte[32]).encrypt("old-token",
				"onboarding:" + id + ":service-token");
		this.jdbc.sql("update onboarding_session set service_token_secret = ? where id = ?")
			.params(sealedElsewhere, id)
			.update();
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk());
		for (String path : new String[] { "/token/reveal?confirmed=true", "/agent/checks",
				"/agent/agent.env?confirmed=true" }) {
			this.mvc.perform(post("/onboarding/" + id + path).with(user("operator").roles("OPERATOR")).with(csrf()))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("id=\"secret-unreadable\"")))
				.andExpect(content().string(containsString("PORTAL_SECRET_KEY")))
				.andExpect(content().string(containsString("href=\"/onboarding/" + id + "/summary#refresh\"")));
		}
	}

	@Test
	void theOfferingStepOffersSupportTheChoiceAndTheSummaryListsWhatIsLeftForCleanUp() throws Exception {
		long id = this.driver.withDuplicateOfferings("Twin Wizard", "twin_wizard_agent", this.faults, this.waldur);
		java.util.List<java.util.Map<String, Object>> rows = this.jdbc
			.sql("select uuid, created from sandbox_offering where name = ? order by created, uuid")
			.param("Twin Wizard")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(2);
		String kept = (String) rows.get(0).get("uuid");
		String other = (String) rows.get(1).get("uuid");
		// The exact time, in the datetime attribute of the one date format.
		String otherCreated = java.time.format.DateTimeFormatter.ofPattern("'datetime=\"'yyyy-MM-dd'T'HH:mm:ss'Z\"'")
			.withZone(java.time.ZoneOffset.UTC)
			.format(this.jdbc.sql("select created from sandbox_offering where uuid = ?")
				.param(other)
				.query(java.time.OffsetDateTime.class)
				.single());
		String step = "/onboarding/" + id + "/steps/offering";
		this.mvc.perform(get(step).with(user("operator").roles("OPERATOR")).param("keep", kept))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waldur holds 2 offerings named")))
			.andExpect(content().string(containsString(otherCreated)))
			.andExpect(content().string(stringContainsInOrder("id=\"offering-choice\"", kept, other)))
			.andExpect(content().string(not(containsString("id=\"confirm-offering-choice\""))));
		this.mvc.perform(get(step).with(user("support").roles("SUPPORT")).param("keep", kept))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm: keep offering " + kept)))
			.andExpect(content().string(containsString("action=\"" + step + "/choice\"")));
		this.mvc
			.perform(post(step + "/choice").with(user("operator").roles("OPERATOR"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("offering", kept))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(step + "/choice").with(user("support").roles("SUPPORT"))
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("offering", kept))
			.andExpect(redirectedUrl("/onboarding/" + id + "/steps/integration"));
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(stringContainsInOrder("What exists in Waldur", "id=\"offering-uuid\"", kept,
					"id=\"left-in-waldur\"", "Left in Waldur for clean-up", other, otherCreated)))
			.andExpect(content().string(not(containsString("id=\"keep-" + other + "\""))));
	}

}
