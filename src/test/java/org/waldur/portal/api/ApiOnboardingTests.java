package org.waldur.portal.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.ApiTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automation API over HTTP against the sandbox: a whole onboarding, the faults the
 * drills know (400, 500, unknown outcome, settle time), idempotent replays, the 409s,
 * token revocation and the per-role rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.waldur.read-timeout=1500ms", "portal.waldur.settle-time=3s", "portal.waldur.page-read-timeout=5s" })
class ApiOnboardingTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	ApiClient as(String username) {
		return new ApiClient(this.port, ApiTestTokens.issue(this.tokens, username, "test").secret());
	}

	String body(String name, String username) {
		return ApiClient.createBody(name, username, this.seed.providerCustomerUuid(), this.seed.categoryUuid("HPC"));
	}

	long create(ApiClient api, String name, String username) {
		ApiClient.Answer created = api.post("/api/v1/onboardings", body(name, username));
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	ApiClient.Answer run(ApiClient api, long id, OnboardingStep step) {
		ApiClient.Answer preview = api.get("/api/v1/onboardings/" + id + "/steps/" + step.slug() + "/preview");
		assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
		return api.post("/api/v1/onboardings/" + id + "/steps/" + step.slug() + "/run",
				"{\"fingerprint\": \"" + preview.json().get("fingerprint").asString() + "\"}");
	}

	@Test
	void aWholeOnboardingRunsThroughTheApi() {
		ApiClient api = as("operator");
		long id = create(api, "Api Whole", "api_whole");
		for (OnboardingStep step : OnboardingStep.wizard()) {
			ApiClient.Answer ran = run(api, id, step);
			assertThat(ran.status()).as(step + ": " + ran.raw().body()).isEqualTo(200);
		}
		JsonNode onboarding = api.get("/api/v1/onboardings/" + id).json();
		assertThat(onboarding.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(onboarding.at("/waldur/offeringUuid").asString()).isNotBlank();
		assertThat(onboarding.at("/waldur/serviceTokenStored").asBoolean()).isTrue();
		assertThat(onboarding.get("attempts")).hasSize(OnboardingStep.wizard().size());
		ApiClient.Answer checks = api.post("/api/v1/onboardings/" + id + "/agent/checks", "");
		assertThat(checks.status()).as(checks.raw().body()).isEqualTo(200);
		assertThat(checks.json().get("checks")).isNotEmpty();
		ApiClient.Answer config = api.get("/api/v1/onboardings/" + id + "/agent/config");
		assertThat(config.json().get("yaml").asString()).contains(onboarding.at("/waldur/offeringUuid").asString());
		ApiClient.Answer token = api.post("/api/v1/onboardings/" + id + "/token/reveal", "");
		assertThat(token.header("Cache-Control")).isEqualTo("no-store");
		String secret = token.json().get("token").asString();
		assertThat(config.json().get("yaml").asString()).doesNotContain(secret);
		assertThat(this.jdbc.sql("select count(*) from api_idempotency_key where response_body like ?")
			.param("%" + secret + "%")
			.query(Long.class)
			.single()).as("stored answers are encrypted").isZero();
		ApiClient.Answer listed = api.get("/api/v1/onboardings?q=Api%20Whole&status=COMPLETED");
		assertThat(listed.json().get("items")).hasSize(1);
		assertThat(listed.json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void theSameKeyTwiceSendsOneWaldurCallAndAnotherBodyIs422() {
		ApiClient api = as("operator");
		long id = create(api, "Api Replay", "api_replay");
		String fingerprint = api.get("/api/v1/onboardings/" + id + "/steps/offering/preview")
			.json()
			.get("fingerprint")
			.asString();
		String path = "/api/v1/onboardings/" + id + "/steps/offering/run";
		String runBody = "{\"fingerprint\": \"" + fingerprint + "\"}";
		long before = this.calls.position();
		ApiClient.Answer first = api.post(path, runBody, "replay-1");
		ApiClient.Answer second = api.post(path, runBody, "replay-1");
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(second.raw().body()).isEqualTo(first.raw().body());
		assertThat(this.calls.count(before,
				(call) -> "POST".equals(call.method()) && call.path().contains("marketplace-provider-offerings")))
			.isEqualTo(1);
		ApiClient.Answer other = api.post(path, "{\"fingerprint\": \"other\"}", "replay-1");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
		assertThat(other.type()).isEqualTo("urn:waldur-portal:problem:idempotency-key-reused");
		ApiClient.Answer replayedCreate = api.post("/api/v1/onboardings", body("Api Replay 2", "api_replay_2"), "c-1");
		ApiClient.Answer again = api.post("/api/v1/onboardings", body("Api Replay 2", "api_replay_2"), "c-1");
		assertThat(again.json().get("id")).isEqualTo(replayedCreate.json().get("id"));
		assertThat(again.header("Location")).isEqualTo(replayedCreate.header("Location"));
		assertThat(api.post("/api/v1/onboardings", body("Api Replay 3", "x"), null).type())
			.isEqualTo("urn:waldur-portal:problem:idempotency-key-missing");
	}

	@Test
	void aRequestChangedSincePreviewIs409AndNothingIsSent() {
		ApiClient api = as("operator");
		long id = create(api, "Api Changed", "api_changed");
		String fingerprint = api.get("/api/v1/onboardings/" + id + "/steps/offering/preview")
			.json()
			.get("fingerprint")
			.asString();
		String offering = body("Api Changed Again", "api_changed");
		JsonNode form = ApiClient.JSON.readTree(offering).get("offering");
		assertThat(api.put("/api/v1/onboardings/" + id + "/offering", form.toString()).status()).isEqualTo(200);
		long before = this.calls.position();
		ApiClient.Answer ran = api.post("/api/v1/onboardings/" + id + "/steps/offering/run",
				"{\"fingerprint\": \"" + fingerprint + "\"}");
		assertThat(ran.status()).isEqualTo(409);
		assertThat(ran.type()).isEqualTo("urn:waldur-portal:problem:request-changed");
		assertThat(this.calls.count(before, SandboxCallLog.Call::changed)).isZero();
	}

	@Test
	void aStepAlreadyRunningIs409() throws Exception {
		ApiClient api = as("operator");
		long id = create(api, "Api Running", "api_running");
		String fingerprint = api.get("/api/v1/onboardings/" + id + "/steps/offering/preview")
			.json()
			.get("fingerprint")
			.asString();
		this.faults.delay("POST", "marketplace-provider-offerings/", Duration.ofMillis(1200), 1);
		String path = "/api/v1/onboardings/" + id + "/steps/offering/run";
		CompletableFuture<ApiClient.Answer> first = CompletableFuture
			.supplyAsync(() -> api.post(path, "{\"fingerprint\": \"" + fingerprint + "\"}"));
		Thread.sleep(400);
		ApiClient.Answer second = api.post(path, "{\"fingerprint\": \"" + fingerprint + "\"}");
		assertThat(second.status()).as(second.raw().body()).isEqualTo(409);
		assertThat(second.type()).isEqualTo("urn:waldur-portal:problem:already-running");
		first.get();
	}

	@Test
	void waldurRefusalsAreProblemsOnTheRequestFields() {
		ApiClient api = as("operator");
		long id = create(api, "Api Rejected", "api_rejected");
		this.faults.failWith("POST", "marketplace-provider-offerings/", 400, 1);
		ApiClient.Answer ran = run(api, id, OnboardingStep.OFFERING);
		assertThat(ran.status()).as(ran.raw().body()).isEqualTo(422);
		assertThat(ran.type()).isEqualTo("urn:waldur-portal:problem:waldur-rejected");
		assertThat(ran.json().get("attempt").get("outcome").asString()).isEqualTo("REJECTED");
		assertThat(run(api, id, OnboardingStep.OFFERING).status()).isEqualTo(200);
	}

	@Test
	void inputErrorsNameTheRequestFields() {
		ApiClient api = as("operator");
		String bad = body("", "Bad Name").replace("\"billingType\": \"usage\"", "\"billingType\": \"weekly\"");
		ApiClient.Answer refused = api.post("/api/v1/onboardings", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = refused.json().get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
		assertThat(fields).contains("offering.name", "offering.components[0].billingType", "serviceAccount.username");
		String unknownCustomer = body("Unknown Org", "unknown_org").replace(this.seed.providerCustomerUuid(),
				"00000000-0000-0000-0000-000000000000");
		ApiClient.Answer unknown = api.post("/api/v1/onboardings", unknownCustomer);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("offering.customerUuid");
	}

	@Test
	void aServerErrorThenReconcileLeavesOneOffering() {
		ApiClient api = as("operator");
		long id = create(api, "Api Server Error", "api_server_error");
		this.faults.failWith("POST", "marketplace-provider-offerings/", 500, 1);
		ApiClient.Answer ran = run(api, id, OnboardingStep.OFFERING);
		assertThat(ran.status()).as(ran.raw().body()).isEqualTo(502);
		ApiClient.Answer reconcile = api.get("/api/v1/onboardings/" + id + "/reconcile");
		assertThat(reconcile.status()).as(reconcile.raw().body()).isEqualTo(200);
		ApiClient.Answer reconciled = api.post("/api/v1/onboardings/" + id + "/reconcile",
				"{\"fingerprint\": \"" + reconcile.json().get("fingerprint").asString() + "\"}");
		assertThat(reconciled.status()).as(reconciled.raw().body()).isEqualTo(200);
		assertThat(offerings("Api Server Error")).isEqualTo(1);
	}

	@Test
	void anUnknownOutcomeSettlesBeforeItIsReconciled() throws Exception {
		ApiClient api = as("operator");
		long id = create(api, "Api Unknown", "api_unknown");
		this.faults.failWith("POST", "marketplace-provider-offerings/", 504, 1);
		ApiClient.Answer ran = run(api, id, OnboardingStep.OFFERING);
		assertThat(ran.status()).as(ran.raw().body()).isEqualTo(502);
		assertThat(ran.type()).isEqualTo("urn:waldur-portal:problem:outcome-unknown");
		assertThat(ran.header("Retry-After")).isNotEmpty();
		JsonNode step = api.get("/api/v1/onboardings/" + id).json().get("steps").get(0);
		assertThat(step.get("status").asString()).isEqualTo("NEEDS_RECONCILIATION");
		assertThat(step.get("settlesAt").isNull()).isFalse();
		Thread.sleep(3200);
		ApiClient.Answer reconcile = api.get("/api/v1/onboardings/" + id + "/reconcile");
		ApiClient.Answer reconciled = api.post("/api/v1/onboardings/" + id + "/reconcile",
				"{\"fingerprint\": \"" + reconcile.json().get("fingerprint").asString() + "\"}");
		assertThat(reconciled.status()).as(reconciled.raw().body()).isEqualTo(200);
		assertThat(offerings("Api Unknown")).isEqualTo(1);
	}

	@Test
	void aRevokedOrExpiredTokenOrADisabledAccountIsRefusedAtOnce() {
		ApiTokens.Issued issued = ApiTestTokens.issue(this.tokens, "support", "revoke-me");
		ApiClient api = new ApiClient(this.port, issued.secret());
		assertThat(api.get("/api/v1/onboardings").status()).isEqualTo(200);
		this.tokens.revoke("support", issued.token().getId());
		ApiClient.Answer revoked = api.get("/api/v1/onboardings");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(revoked.header("Content-Type")).startsWith("application/problem+json");
		ApiTokens.Issued expiring = ApiTestTokens.issue(this.tokens, "support", "expire-me");
		this.jdbc.sql("update api_token set expires_at = created_at where id = ?")
			.param(expiring.token().getId())
			.update();
		assertThat(new ApiClient(this.port, expiring.secret()).get("/api/v1/onboardings").status()).isEqualTo(401);
		long account = this.accounts.list()
			.stream()
			.filter((a) -> a.getUsername().equals("auditor"))
			.findFirst()
			.orElseThrow()
			.getId();
		ApiClient auditor = as("auditor");
		assertThat(auditor.get("/api/v1/onboardings").status()).isEqualTo(200);
		this.accounts.setEnabled(account, false, "admin");
		try {
			assertThat(auditor.get("/api/v1/onboardings").status()).isEqualTo(401);
		}
		finally {
			this.accounts.setEnabled(account, true, "admin");
		}
		assertThat(new ApiClient(this.port, "").get("/api/v1/onboardings").status()).isEqualTo(401);
		assertThat(new ApiClient(this.port, "wop_made_up").get("/api/v1/onboardings").status()).isEqualTo(401);
	}

	@Test
	void rolesApplyAsInTheWizardAndEveryCallIsAuditedWithTheTokenName() {
		ApiClient operator = as("operator");
		long id = create(operator, "Api Roles", "api_roles");
		ApiClient auditor = as("auditor");
		assertThat(auditor.get("/api/v1/onboardings/" + id).status()).isEqualTo(200);
		assertThat(auditor.post("/api/v1/onboardings", body("Api Roles 2", "api_roles_2")).status()).isEqualTo(403);
		assertThat(run(auditor, id, OnboardingStep.OFFERING).status()).isEqualTo(403);
		assertThat(as("admin").get("/api/v1/onboardings/" + id).status()).isEqualTo(404);
		List<String> details = this.jdbc
			.sql("select detail from audit_entry where action = 'API_CALL' and actor = 'auditor' order by id")
			.query(String.class)
			.list();
		assertThat(details).isNotEmpty().allMatch((detail) -> detail.contains("[API token \"test\"]"));
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'INPUTS_SAVED' and session_id = ? "
					+ "and detail like '%API token \"test\"%'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3 + 1);
	}

	private long offerings(String name) {
		return this.jdbc.sql("select count(*) from sandbox_offering where name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

}
