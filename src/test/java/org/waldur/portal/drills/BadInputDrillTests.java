package org.waldur.portal.drills;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.api.ApiTestTokens;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.ApiTokens;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Bad input drill: oversized values, control characters, Unicode, HTML and script in
 * every text field of every form, malformed ids, forged enum values, a missing CSRF token
 * and tampered hidden fields. Each answer is a page with a validation message, or 400,
 * 403 or 404, never 500; no change reaches Waldur; script never comes back unescaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BadInputDrillTests {

	static final String SCRIPT = "<script>alert('x')</script>";

	static final Map<String, String> BAD_VALUES = new LinkedHashMap<>();

	static final Set<Integer> ACCEPTABLE = Set.of(200, 302, 400, 403, 404, 409);

	static final AtomicInteger counter = new AtomicInteger();

	static {
		BAD_VALUES.put("oversized", "x".repeat(20_000));
		BAD_VALUES.put("control characters", "a\u0000b\u0007c\u001b[31m\r\nd");
		BAD_VALUES.put("unicode", "Zürich 名前 🚀 \u202Eevil");
		BAD_VALUES.put("html and script", SCRIPT + "<b onmouseover=alert(1)>\"'&");
		BAD_VALUES.put("empty", "");
		BAD_VALUES.put("whitespace", "   \t ");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	final List<String> report = new ArrayList<>();

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@Test
	void everyTextFieldOfEveryFormTakesBadValuesSafely() throws Exception {
		long before = this.calls.position();
		Map<String, Map<String, String>> forms = new LinkedHashMap<>();
		forms.put("offering", offering());
		forms.put("integration", integration());
		forms.put("service-account", account());
		int cases = 0;
		for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
			for (String field : form.getValue().keySet()) {
				for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
					long id = prepared();
					Map<String, String> params = new LinkedHashMap<>(form.getValue());
					params.put(field, bad.getValue());
					MockHttpServletRequestBuilder request = post("/onboarding/" + id + "/steps/" + form.getKey())
						.with(csrf())
						.with(user("operator").roles("OPERATOR"))
						.param("version", String.valueOf(this.driver.version(id)));
					params.forEach(request::param);
					MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
					String where = form.getKey() + "." + field + " = " + bad.getKey();
					assertSafe(response, where);
					if (response.getStatus() == 302) {
						assertSafe(page("/onboarding/" + id + "/steps/" + form.getKey()), where + " (saved, shown)");
					}
					cases++;
				}
			}
		}
		assertThat(this.calls.count(before, SandboxCallLog.Call::changed)).as("changes sent to Waldur").isZero();
		record("form fields x bad values", cases);
	}

	@Test
	void accountAdminFormsTakeBadValuesSafely() throws Exception {
		long target = this.accounts.create("bad-input-target", "long-enough-pw", Set.of(Role.AUDITOR), "drill").getId();
		int cases = 0;
		for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
			assertSafe(admin(post("/admin/accounts").param("username", bad.getValue())
				.param("password", bad.getValue())
				.param("roles", "OPERATOR")), "new account = " + bad.getKey());
			assertSafe(admin(post("/admin/accounts/" + target + "/password").param("password", bad.getValue())
				.param("confirmation", bad.getValue())), "password = " + bad.getKey());
			cases += 2;
		}
		assertSafe(admin(post("/admin/accounts").param("username", "forged-role")
			.param("password", "long-enough-pw")
			.param("roles", "GOD")), "forged role");
		assertSafe(admin(post("/admin/accounts/" + target + "/roles").param("roles", "ROOT")), "forged role");
		assertSafe(admin(post("/admin/accounts/" + target + "/enabled").param("enabled", "maybe")), "forged boolean");
		assertSafe(admin(post("/admin/sandbox/faults").param("method", SCRIPT)
			.param("pathPattern", SCRIPT)
			.param("kind", "EXPLODE")
			.param("count", "-1")), "forged fault");
		assertThat(this.accounts.list()).noneMatch((account) -> account.getUsername().contains("<"));
		record("account and sandbox admin forms", cases + 4);
	}

	@Test
	void malformedIdsForgedEnumsAndTamperedFieldsAreRefused() throws Exception {
		long id = prepared();
		long before = this.calls.position();
		int cases = 0;
		for (String path : List.of("/onboarding/abc", "/onboarding/-1", "/onboarding/99999999999999999999",
				"/onboarding/1e3/summary", "/onboarding/%00", "/onboarding/" + id + "/steps/EXPLODE",
				"/onboarding/" + id + "/steps/..%2f..%2fadmin", "/admin/accounts/abc",
				"/onboarding/" + id + "/steps/" + SCRIPT)) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(user("admin").roles("ADMIN", "SUPPORT")))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isIn(400, 404);
			assertEscaped(response, path);
			cases++;
		}
		String run = "/onboarding/" + id + "/steps/";
		Map<String, MockHttpServletRequestBuilder> tampered = new LinkedHashMap<>();
		tampered.put("forged step", post(run + "GOD_MODE/run").param("version", "0"));
		tampered.put("version not a number", post(run + "offering/run").param("version", "abc"));
		tampered.put("version missing", post(run + "offering/run"));
		tampered.put("version stale", post(run + "offering/run").param("version", "999999"));
		tampered.put("version overflow", post(run + "offering/run").param("version", "1".repeat(40)));
		tampered.put("forged policy",
				post(run + "integration").param("version", String.valueOf(this.driver.version(id)))
					.param("usernameGenerationPolicy", "rm -rf /")
					.param("accountNameGenerationPolicy", "FORGED"));
		tampered.put("forged billing type",
				post(run + "offering").param("version", String.valueOf(this.driver.version(id)))
					.param("name", "Forged")
					.param("components[0].type", "node_hours")
					.param("components[0].billingType", "free-money")
					.param("components[99999].type", "x"));
		tampered.put("forged row action",
				post(run + "offering").param("version", String.valueOf(this.driver.version(id)))
					.param("action", "remove-plan:" + SCRIPT));
		for (Map.Entry<String, MockHttpServletRequestBuilder> entry : tampered.entrySet()) {
			MockHttpServletResponse response = this.mvc
				.perform(entry.getValue().with(csrf()).with(user("operator").roles("OPERATOR")))
				.andReturn()
				.getResponse();
			assertSafe(response, entry.getKey());
			cases++;
		}
		MockHttpServletResponse noCsrf = this.mvc
			.perform(post(run + "offering/run").param("version", String.valueOf(this.driver.version(id)))
				.with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse();
		assertThat(noCsrf.getStatus()).isEqualTo(403);
		MockHttpServletResponse badCsrf = this.mvc
			.perform(post(run + "offering/run").param("version", String.valueOf(this.driver.version(id)))
				.with(csrf().useInvalidToken())
				.with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse();
		assertThat(badCsrf.getStatus()).isEqualTo(403);
		MockHttpServletResponse otherOwner = this.mvc
			.perform(post(run + "integration").param("version", String.valueOf(this.driver.version(id)))
				.param("homedirPrefix", "/home/")
				.with(csrf())
				.with(user("intruder").roles("OPERATOR")))
			.andReturn()
			.getResponse();
		assertThat(otherOwner.getStatus()).isEqualTo(404);
		assertThat(this.calls.count(before, SandboxCallLog.Call::changed)).as("changes sent to Waldur").isZero();
		record("ids, enums, CSRF and hidden fields", cases + 3);
	}

	@Test
	void everyApiInputAndHeaderTakesBadValuesSafely() throws Exception {
		String token = "Bearer " + ApiTestTokens.issue(this.tokens, "operator", "bad-input").secret();
		long before = this.calls.position();
		Map<String, Map<String, String>> forms = new LinkedHashMap<>();
		forms.put("offering", offering());
		forms.put("integration", integration());
		forms.put("service-account", account());
		int cases = 0;
		for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
			for (String field : form.getValue().keySet()) {
				if (field.contains("[")) {
					continue;
				}
				for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
					long id = prepared();
					Map<String, Object> body = new LinkedHashMap<>(form.getValue());
					body.keySet().removeIf((key) -> key.contains("["));
					body.put(field, bad.getValue());
					MockHttpServletResponse response = this.mvc
						.perform(put("/api/v1/onboardings/" + id + "/" + form.getKey()).header("Authorization", token)
							.contentType("application/json")
							.content(JSON.writeValueAsString(body)))
						.andReturn()
						.getResponse();
					assertApiSafe(response, "API " + form.getKey() + "." + field + " = " + bad.getKey());
					cases++;
				}
			}
		}
		long id = prepared();
		Map<String, MockHttpServletRequestBuilder> forged = new LinkedHashMap<>();
		forged.put("malformed JSON", post("/api/v1/onboardings").content("{\"offering\": {"));
		forged.put("wrong types", post("/api/v1/onboardings").content("{\"offering\": [1, 2], \"integration\": 7}"));
		forged.put("script in JSON",
				post("/api/v1/onboardings").content("{\"offering\": {\"name\": \"" + SCRIPT + "\"}}"));
		forged.put("forged step", post("/api/v1/onboardings/" + id + "/steps/GOD_MODE/run").content("{}"));
		forged.put("version overflow", post("/api/v1/onboardings/" + id + "/steps/offering/run")
			.content("{\"fingerprint\": \"x\", \"version\": " + "9".repeat(40) + "}"));
		forged.put("oversized fingerprint", post("/api/v1/onboardings/" + id + "/steps/offering/run")
			.content("{\"fingerprint\": \"" + "f".repeat(20_000) + "\"}"));
		forged.put("malformed id", get("/api/v1/onboardings/abc"));
		forged.put("forged status filter", get("/api/v1/onboardings?status=GOD&size=100000&from=" + SCRIPT));
		forged.put("forged If-Match", put("/api/v1/onboardings/" + id + "/keep-token").header("If-Match", SCRIPT)
			.content("{\"expiry\": \"never\"}"));
		for (Map.Entry<String, MockHttpServletRequestBuilder> entry : forged.entrySet()) {
			MockHttpServletRequestBuilder request = entry.getValue()
				.header("Authorization", token)
				.header("Idempotency-Key", "bad-" + counter.incrementAndGet())
				.contentType("application/json");
			assertApiSafe(this.mvc.perform(request).andReturn().getResponse(), "API " + entry.getKey());
			cases++;
		}
		for (String key : List.of("x".repeat(300), "a\u0007b", "", "  ")) {
			MockHttpServletResponse response = this.mvc
				.perform(post("/api/v1/onboardings").header("Authorization", token)
					.header("Idempotency-Key", key)
					.contentType("application/json")
					.content("{}"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as("Idempotency-Key %s", key.length()).isEqualTo(400);
			cases++;
		}
		for (String authorization : List.of("Bearer " + "x".repeat(20_000), "Bearer " + SCRIPT, "Basic b3A6cHc=",
				"Token wop_abc", "Bearer")) {
			MockHttpServletResponse response = this.mvc
				.perform(get("/api/v1/onboardings").header("Authorization", authorization))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(authorization.substring(0, 5)).isIn(400, 401);
			assertApiSafe(response, "Authorization");
			cases++;
		}
		for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
			assertSafe(this.mvc
				.perform(post("/account/tokens").with(csrf())
					.with(user("operator").roles("OPERATOR"))
					.param("name", bad.getValue())
					.param("lifetimeDays", bad.getKey().equals("empty") ? "" : "99999"))
				.andReturn()
				.getResponse(), "token name = " + bad.getKey());
			cases++;
		}
		assertThat(this.calls.count(before, SandboxCallLog.Call::changed)).as("changes sent to Waldur").isZero();
		record("API bodies, headers and tokens", cases);
	}

	private static void assertApiSafe(MockHttpServletResponse response, String where) throws Exception {
		assertThat(response.getStatus()).as("status for %s", where).isIn(200, 201, 400, 401, 403, 404, 409, 422);
		String type = String.valueOf(response.getContentType());
		assertThat(type).as("content type for %s", where).doesNotContain("html");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).as("stack trace for %s", where).doesNotContain("\tat org.").doesNotContain("Exception:");
	}

	private void assertSafe(MockHttpServletResponse response, String where) throws Exception {
		assertThat(response.getStatus()).as("status for %s", where).isIn(ACCEPTABLE);
		assertEscaped(response, where);
	}

	private static void assertEscaped(MockHttpServletResponse response, String where) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).as("unescaped script for %s", where).doesNotContain(SCRIPT).doesNotContain("<b onmouseover");
		assertThat(body).as("stack trace for %s", where).doesNotContain("\tat org.").doesNotContain("Exception:");
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return this.mvc.perform(get(path).with(user("operator").roles("OPERATOR"))).andReturn().getResponse();
	}

	private MockHttpServletResponse admin(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(csrf()).with(user("admin").roles("ADMIN"))).andReturn().getResponse();
	}

	private long prepared() {
		int n = counter.incrementAndGet();
		return this.driver.prepared("Bad Input " + n, "bad_input_" + n, OnboardingDriver.OPERATOR);
	}

	private void record(String what, int cases) {
		DrillFiles.appendFigure("bad-input.md", "| " + what + " | " + cases + " | passed |\n",
				"# Bad input\n\n| Class | Cases | Result |\n|---|---|---|\n");
	}

	private Map<String, String> offering() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", "Valid name");
		params.put("description", "Valid description");
		params.put("customerUuid", this.seed.providerCustomerUuid());
		params.put("categoryUuid", this.seed.categoryUuid("HPC"));
		params.put("components[0].type", "node_hours");
		params.put("components[0].name", "Node hours");
		params.put("components[0].measuredUnit", "Node-hours");
		params.put("components[0].billingType", "usage");
		params.put("plans[0].name", "Default");
		params.put("plans[0].description", "Default plan");
		params.put("plans[0].unit", "month");
		params.put("ownerToken", "");
		return params;
	}

	private static Map<String, String> integration() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("homedirPrefix", "/home/");
		params.put("initialUidnumber", "5000");
		params.put("initialUsergroupNumber", "6000");
		params.put("initialPrimarygroupNumber", "5000");
		params.put("usernameAnonymizedPrefix", "walduruser_");
		params.put("usernameGenerationPolicy", "service_provider");
		// The site agent makes the usernames under this policy and needs to create users.
		params.put("serviceProviderCanCreateOfferingUser", "true");
		params.put("accountNameGenerationPolicy", "project_slug");
		return params;
	}

	private static Map<String, String> account() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("username", "valid_agent");
		params.put("email", "agent@example.org");
		params.put("firstName", "Site");
		params.put("lastName", "Agent");
		return params;
	}

}
