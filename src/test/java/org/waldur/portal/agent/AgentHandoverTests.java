package org.waldur.portal.agent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.AccountInput;
import org.waldur.portal.onboarding.IntegrationInput;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingAccessDeniedException;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.Role;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Onboardings completed against the built-in sandbox, then handed to the site agent: each
 * check passes on a completed onboarding and fails when its condition is made false in
 * the sandbox; the page and downloads honour roles, confirmation and audit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@RecordApplicationEvents
class AgentHandoverTests {

	private static final Viewer OPERATOR = new Viewer("op", Set.of(Role.OPERATOR));

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AgentHandover handover;

	@Autowired
	SandboxSeed seed;

	@Autowired
	WaldurClient waldur;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aCompletedSandboxOnboardingEndsWithAGreenChecklistAndAValidConfiguration() throws Exception {
		long id = complete("waldur_username", true);
		Map<HandoverCheck, CheckResult> results = run(id);
		assertThat(results.values()).allSatisfy((result) -> assertThat(result.passed()).as(result.detail()).isTrue());
		assertThat(results.get(HandoverCheck.TOKEN_LIFETIME).outcome()).isEqualTo(CheckOutcome.PASSED);
		assertThat(results.get(HandoverCheck.TOKEN_LIFETIME).detail()).contains("never expires")
			.contains("as Waldur reports it to the service account");
		assertThat(results.get(HandoverCheck.OFFERING_USER_CREATION).detail()).contains("waldur_username");
		HandoverStatus status = this.handover.status(id, OPERATOR);
		assertThat(status.allPassed()).isTrue();
		assertThat(status.completed()).isTrue();
		assertThat(status.refreshReminder()).isFalse();
		assertThat(this.events.stream(AgentEvents.ChecksRun.class)).singleElement()
			.satisfies((event) -> assertThat(event.failed()).isEmpty());

		String page = this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"checks-green\"")
			.contains("id=\"config-valid\"")
			.contains("id=\"sandbox-url\"")
			.contains("waldur_api_token: &quot;${WALDUR_API_TOKEN}&quot;")
			.contains("waldur_site_load_components")
			.contains("envsubst")
			.doesNotContain(token(id));
		assertThat(page).as("times in the portal's one format, not raw instants")
			.containsPattern(
					"Last run <time datetime=\"[^\"]+Z\" data-local>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC</time>")
			.doesNotContainPattern(">[^<]*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
		AgentConfig config = this.handover.preview(id, OPERATOR, AgentSettings.defaults());
		assertThat(config.valid()).as(config.violations().toString()).isTrue();
		assertThat(config.yaml()).contains("http://127.0.0.1:" + this.port + "/sandbox/api/");
	}

	@Test
	void theClusterNameDefaultsToTheBackendIdOfTheOfferingAndAnotherOneIsWarnedAbout() throws Exception {
		long id = complete("waldur_username", true, "alpha_cluster");
		String offering = session(id).getOfferingUuid();
		String body = this.waldur.getOffering(WaldurCredential.staff(), offering).exchange().responseBody();
		assertThat(tools.jackson.databind.json.JsonMapper.shared().readTree(body).path("backend_id").asString())
			.isEqualTo("alpha_cluster");

		String page = this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("cluster_name: &quot;alpha_cluster&quot;", "id=\"cluster-name-default\"")
			.doesNotContain("id=\"cluster-name-mismatch\"");
		// Help texts say what a value is and where to find it; the setting's name comes
		// second.
		assertThat(page)
			.contains("usually root (sacctmgr show account). Setting: default_account.",
					"The ClusterName in slurm.conf (the ClusterName line of scontrol show config)")
			.doesNotContainPattern("class=\"form-text\">[a-z_]+</div>");

		String other = this.mvc
			.perform(get("/onboarding/{id}/agent", id).param("clusterName", "beta").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).contains("id=\"cluster-name-mismatch\"",
				"The cluster name &#39;beta&#39; differs from the offering&#39;s backend_id &#39;alpha_cluster&#39;",
				"The agent would not match the offering.");
	}

	@Test
	void aTokenRefreshedBehindThePortalsBackFailsTheTokenCheck() {
		long id = complete("waldur_username", true);
		this.waldur.send(WaldurCalls.refreshToken(session(id).getUserUuid()));
		Map<HandoverCheck, CheckResult> results = run(id);
		assertOnlyFailed(results, HandoverCheck.TOKEN_AUTHENTICATES);
		assertThat(results.get(HandoverCheck.TOKEN_AUTHENTICATES).detail())
			.contains("Waldur refused the service-account token")
			.contains("refreshed or deleted elsewhere")
			.contains("Refresh the token on the summary page")
			.doesNotContain("organisation-owner");
	}

	@Test
	void aServiceAccountWithoutTheManagerRoleFailsTheRoleCheck() {
		long id = complete("waldur_username", true);
		this.jdbc.sql("delete from sandbox_offering_role where offering_uuid = ?")
			.param(session(id).getOfferingUuid())
			.update();
		assertOnlyFailed(run(id), HandoverCheck.OFFERING_MANAGER_ROLE);
	}

	@Test
	void aDraftOfferingOrOneWithoutPlansFailsTheActiveCheck() {
		long draft = complete("waldur_username", true);
		this.jdbc.sql("update sandbox_offering set state = 'Draft' where uuid = ?")
			.param(session(draft).getOfferingUuid())
			.update();
		Map<HandoverCheck, CheckResult> results = run(draft);
		assertOnlyFailed(results, HandoverCheck.OFFERING_ACTIVE);
		assertThat(results.get(HandoverCheck.OFFERING_ACTIVE).detail()).contains("Draft");

		long planless = complete("waldur_username", true);
		this.jdbc.sql("delete from sandbox_plan where offering_uuid = ?")
			.param(session(planless).getOfferingUuid())
			.update();
		assertOnlyFailed(run(planless), HandoverCheck.OFFERING_ACTIVE);
	}

	@Test
	void anOnboardingStoppedBeforeActivationFailsTheActiveCheckAndOffersNoDownloads() throws Exception {
		long id = start("waldur_username", true);
		runSteps(id, OnboardingStep.ACTIVATION);
		Map<HandoverCheck, CheckResult> results = run(id);
		assertThat(results.get(HandoverCheck.OFFERING_ACTIVE).passed()).isFalse();
		assertThat(results.get(HandoverCheck.OFFERING_ACTIVE).detail()).contains("Draft");
		assertThat(results.get(HandoverCheck.TOKEN_AUTHENTICATES).passed()).isFalse();
		HandoverStatus status = this.handover.status(id, OPERATOR);
		assertThat(status.completed()).isFalse();
		assertThat(status.missing()).anySatisfy((line) -> assertThat(line).startsWith("Step 3, Activation"));
		String page = this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"missing\"").doesNotContain("id=\"downloads\"");
		this.mvc.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf()).with(user("op").roles("OPERATOR")))
			.andExpect(status().isConflict());
	}

	@Test
	void theServiceProviderPolicyNeedsTheOfferingUserPermission() {
		long refused = complete("service_provider", false);
		Map<HandoverCheck, CheckResult> results = run(refused);
		assertOnlyFailed(results, HandoverCheck.OFFERING_USER_CREATION);
		assertThat(results.get(HandoverCheck.OFFERING_USER_CREATION).detail())
			.contains("service_provider_can_create_offering_user");

		long allowed = complete("service_provider", true);
		assertThat(run(allowed).get(HandoverCheck.OFFERING_USER_CREATION).outcome()).isEqualTo(CheckOutcome.PASSED);
	}

	@Test
	void theLifetimeCheckFollowsTheTokenLifetimeInWaldur() {
		long id = complete("waldur_username", true);
		String user = session(id).getUserUuid();
		this.jdbc.sql("update sandbox_user set token_lifetime = null where uuid = ?").param(user).update();
		assertThat(run(id).get(HandoverCheck.TOKEN_LIFETIME).outcome()).isEqualTo(CheckOutcome.PASSED);
		this.jdbc.sql("update sandbox_user set token_lifetime = 120 where uuid = ?").param(user).update();
		assertOnlyFailed(run(id), HandoverCheck.TOKEN_LIFETIME);
	}

	@Test
	void aGetOfTheConfigurationRecordsNoDownload() throws Exception {
		long id = complete("waldur_username", true);
		this.mvc
			.perform(get("/onboarding/{id}/agent/config.yaml", id).param("defaultAccount", "acct")
				.param("clusterName", "alpha")
				.with(user("aud").roles("AUDITOR")))
			.andExpect(status().isMethodNotAllowed());
		assertThat(this.events.stream(AgentEvents.ConfigDownloaded.class)).isEmpty();
	}

	@Test
	void theConfigurationWithoutTokenDownloadsForEveryViewerAndIsRecorded() throws Exception {
		long id = complete("waldur_username", true);
		MvcResult result = this.mvc
			.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf())
				.param("defaultAccount", "acct")
				.param("clusterName", "alpha")
				.with(user("aud").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"waldur-site-agent-config.yaml\""))
			.andReturn();
		String yaml = result.getResponse().getContentAsString();
		assertThat(yaml).contains("waldur_api_token: \"${WALDUR_API_TOKEN}\"")
			.contains("default_account: \"acct\"")
			.contains("cluster_name: \"alpha\"")
			.doesNotContain(token(id));
		assertThat(AgentConfigValidator.validate(yaml, List.of("node_hours", "cpu"))).isEmpty();
		assertThat(this.events.stream(AgentEvents.ConfigDownloaded.class))
			.containsExactly(new AgentEvents.ConfigDownloaded(id, "aud"));
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class)).isEmpty();
		this.mvc
			.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf())
				.param("defaultAccount", "bad account")
				.with(user("op").roles("OPERATOR")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theConfigurationWithTheTokenNeedsAConfirmationAndIsAudited() throws Exception {
		long id = complete("waldur_username", true);
		String token = token(id);
		String refused = this.mvc
			.perform(post("/onboarding/{id}/agent/config-with-token.yaml", id).with(user("op").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).doesNotContain(token);
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class)).isEmpty();

		MvcResult result = this.mvc
			.perform(post("/onboarding/{id}/agent/config-with-token.yaml", id).param("confirmed", "true")
				.with(user("op").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"waldur-site-agent-config.yaml\""))
			.andReturn();
		String yaml = result.getResponse().getContentAsString();
		assertThat(AgentConfigGeneratorTests.firstOffering(yaml)).containsEntry("waldur_api_token", token);
		assertThat(AgentConfigValidator.validate(yaml, List.of("node_hours", "cpu"))).isEmpty();
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class))
			.containsExactly(new AgentEvents.TokenDownloaded(id, "op", AgentFile.CONFIG_WITH_TOKEN));
	}

	@Test
	void theEnvironmentFileIsATokenDownloadToo() throws Exception {
		long id = complete("waldur_username", true);
		this.mvc.perform(post("/onboarding/{id}/agent/agent.env", id).with(user("op").roles("OPERATOR")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class)).isEmpty();
		String env = this.mvc
			.perform(post("/onboarding/{id}/agent/agent.env", id).param("confirmed", "true")
				.with(user("op").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(env).contains("\nWALDUR_API_TOKEN=" + token(id) + "\n");
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class))
			.containsExactly(new AgentEvents.TokenDownloaded(id, "op", AgentFile.ENV_FILE));
	}

	@Test
	void auditorsReadButNeitherRunChecksNorDownloadTheToken() throws Exception {
		long id = complete("waldur_username", true);
		String page = this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("aud").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"config-preview\"")
			.doesNotContain("id=\"run-checks\"")
			.doesNotContain("id=\"token-form\"");
		this.mvc
			.perform(post("/onboarding/{id}/agent/config-with-token.yaml", id).param("confirmed", "true")
				.with(user("aud").roles("AUDITOR"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/onboarding/{id}/agent/agent.env", id).param("confirmed", "true")
				.with(user("aud").roles("AUDITOR"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/onboarding/{id}/agent/checks", id).with(user("aud").roles("AUDITOR")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class)).isEmpty();
		assertThatExceptionOfType(OnboardingAccessDeniedException.class)
			.isThrownBy(() -> this.handover.runChecks(id, new Viewer("aud", Set.of(Role.AUDITOR))));
	}

	@Test
	void anotherOperatorDoesNotFindTheOnboarding() throws Exception {
		long id = complete("waldur_username", true);
		this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("other").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf()).with(user("other").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/onboarding/{id}/agent/config-with-token.yaml", id).param("confirmed", "true")
				.with(user("other").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.events.stream(AgentEvents.TokenDownloaded.class)).isEmpty();
	}

	@Test
	void supportStaffRunChecksOnAnyonesOnboarding() throws Exception {
		long id = complete("waldur_username", true);
		this.mvc.perform(post("/onboarding/{id}/agent/checks", id).with(user("sup").roles("SUPPORT")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.handover.status(id, OPERATOR).results()).hasSize(HandoverCheck.values().length)
			.allSatisfy((result) -> assertThat(result.actor()).isEqualTo("sup"));
	}

	@Test
	void aTokenRefreshAfterTheLastHandOverShowsAReminderUntilTheNewFileIsTaken() throws Exception {
		long id = complete("waldur_username", true);
		run(id);
		assertThat(this.handover.status(id, OPERATOR).refreshReminder()).isFalse();
		// Record a successful refresh as the wizard's token-refresh step leaves it.
		Instant refreshed = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
		this.jdbc
			.sql("update onboarding_step set status = 'DONE', last_outcome = 'SUCCEEDED', ended_at = ? "
					+ "where session_id = ? and step = 'TOKEN_REFRESH'")
			.params(java.sql.Timestamp.from(refreshed), id)
			.update();
		HandoverStatus status = this.handover.status(id, OPERATOR);
		assertThat(status.refreshReminder()).isTrue();
		assertThat(status.tokenReplacedAt()).isEqualTo(refreshed);
		assertThat(this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("op").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"refresh-reminder\"")
			.doesNotContainPattern(">[^<]*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
		Thread.sleep(1100);
		this.mvc.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf()).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk());
		assertThat(this.handover.status(id, OPERATOR).refreshReminder())
			.as("the configuration without the token does not carry the new token")
			.isTrue();
		this.mvc
			.perform(post("/onboarding/{id}/agent/agent.env", id).param("confirmed", "true")
				.with(user("op").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(this.handover.status(id, OPERATOR).refreshReminder()).isFalse();
	}

	private Map<HandoverCheck, CheckResult> run(long id) {
		return this.handover.runChecks(id, OPERATOR)
			.stream()
			.collect(Collectors.toMap(CheckResult::check, Function.identity()));
	}

	private static void assertOnlyFailed(Map<HandoverCheck, CheckResult> results, HandoverCheck failing) {
		assertThat(results).hasSize(HandoverCheck.values().length);
		results.forEach((check, result) -> assertThat(result.passed()).as(check + ": " + result.detail())
			.isEqualTo(check != failing));
	}

	private long complete(String policy, boolean canCreate) {
		return complete(policy, canCreate, null);
	}

	private long complete(String policy, boolean canCreate, String backendId) {
		long id = start(policy, canCreate, backendId);
		runSteps(id, null);
		assertThat(session(id).getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		return id;
	}

	private long start(String policy, boolean canCreate) {
		return start(policy, canCreate, null);
	}

	private long start(String policy, boolean canCreate, String backendId) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		OnboardingSession session = this.onboarding.start(OPERATOR);
		long id = session.getId();
		String api = "http://127.0.0.1:" + this.port + "/sandbox/api/";
		OfferingInput offering = new OfferingInput("Cluster " + suffix, "Test cluster",
				api + "customers/" + this.seed.providerCustomerUuid() + "/", this.seed.providerCustomerUuid(),
				SandboxSeed.PROVIDER_CUSTOMER, api + "marketplace-categories/" + this.seed.categoryUuid("HPC") + "/",
				"HPC",
				List.of(new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", "month", 100,
						null), new OfferingInput.Component("cpu", "CPU", "k-Hours", "limit", null, 10, 60000)),
				List.of(new OfferingInput.Plan("Default", "Default plan", "month")), true, backendId);
		this.onboarding.saveOffering(id, session(id).getVersion(), offering, null, false, OPERATOR);
		this.onboarding.saveIntegration(id, session(id).getVersion(), new IntegrationInput("/home/", 5000, 6000, 5000,
				"waldur_", policy, "project_slug", true, true, canCreate), OPERATOR);
		this.onboarding.saveAccount(id, session(id).getVersion(),
				new AccountInput("agent_" + suffix, "agent-" + suffix + "@example.org", "Site", "Agent"), OPERATOR);
		return id;
	}

	private void runSteps(long id, OnboardingStep stopBefore) {
		for (OnboardingStep step : OnboardingStep.wizard()) {
			if (step == stopBefore) {
				return;
			}
			StepAttempt attempt = this.onboarding.run(id, step, session(id).getVersion(),
					OnboardingDriver.fingerprint(this.onboarding, id, step), OPERATOR);
			assertThat(attempt.getOutcome().isSuccess()).as(step + ": " + attempt.getMessage()).isTrue();
		}
	}

	private OnboardingSession session(long id) {
		return this.onboarding.get(id, OPERATOR);
	}

	private String token(long id) {
		return this.onboarding.useServiceToken(id, OPERATOR, (token) -> token);
	}

}
