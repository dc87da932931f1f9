package org.waldur.portal.drills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.api.ApiTestTokens;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.ApiTokens;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Role matrix drill: every controller mapping of the portal against anonymous and every
 * role, compared with the checked-in table
 * {@code src/test/resources/drills/role-matrix.csv} (method, path pattern, then the
 * expected answer per column: a status code, or {@code login} for a redirect to the
 * sign-in page). A mapping missing from the table fails the drill; so does a row whose
 * mapping no longer exists. Writes {@code target/drills/role-matrix.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RoleMatrixDrillTests {

	static final List<String> COLUMNS = List.of("anonymous", "OPERATOR", "SUPPORT", "AUDITOR", "ADMIN");

	/** The sandbox's admin page shows the sandbox's own tokens to administrators. */
	static final Set<String> PAGES_SHOWING_SANDBOX_TOKENS = Set.of("/admin/sandbox");

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@Test
	void everyControllerMappingIsInTheTable() throws IOException {
		Set<String> table = new TreeSet<>(rows().stream().map(Row::key).toList());
		Set<String> actual = portalMappings();
		assertThat(actual).as("mappings missing from role-matrix.csv").isSubsetOf(table);
		assertThat(table).as("rows of role-matrix.csv without a mapping").isSubsetOf(actual);
	}

	@Test
	void everyEndpointAnswersEveryRoleAsTheTableSays() throws Exception {
		List<String> mismatches = new ArrayList<>();
		StringBuilder md = new StringBuilder("# Role matrix\n\nEvery controller mapping x anonymous and every role. "
				+ "`login` = redirected to the sign-in page; a cell shows `expected` or `expected (got actual)`.\n\n| "
				+ "Method | Path | " + String.join(" | ", COLUMNS) + " |\n|---|---|" + "---|".repeat(COLUMNS.size())
				+ "\n");
		int cells = 0;
		for (Row row : rows()) {
			md.append("| ").append(row.method()).append(" | `").append(row.path()).append("` |");
			for (int i = 0; i < COLUMNS.size(); i++) {
				String actual = exercise(row, COLUMNS.get(i));
				String expected = row.expected().get(i);
				cells++;
				if (!expected.equals(actual)) {
					mismatches.add(row.key() + " as " + COLUMNS.get(i) + ": expected " + expected + ", got " + actual);
				}
				md.append(' ')
					.append(expected.equals(actual) ? expected : expected + " (got " + actual + ")")
					.append(" |");
			}
			md.append('\n');
		}
		md.append("\n")
			.append(rows().size())
			.append(" mappings, ")
			.append(cells)
			.append(" cells, ")
			.append(cells - mismatches.size())
			.append(" as expected.\n");
		DrillFiles.write("role-matrix.md", md.toString());
		assertThat(mismatches).isEmpty();
		assertThat(portalMappings()).hasSize(rows().size());
	}

	private String exercise(Row row, String column) throws Exception {
		String path = substitute(row.path());
		MockHttpServletRequestBuilder request = request(
				org.springframework.http.HttpMethod.valueOf("*".equals(row.method()) ? "GET" : row.method()), path);
		boolean api = path.startsWith("/api/");
		if (api) {
			// The API takes a bearer token of the role's account only, never a session.
			if (!"anonymous".equals(column)) {
				request.header("Authorization", "Bearer " + apiToken(username(column)));
			}
			request.contentType("application/json").content("{\"fingerprint\": \"drill\"}");
			if ("POST".equals(row.method())) {
				request.header("Idempotency-Key", "drill-" + counter.incrementAndGet());
			}
		}
		else if (!"anonymous".equals(column)) {
			request.with(user(username(column)).roles(column));
		}
		if ("POST".equals(row.method()) && !api) {
			request.with(csrf()).param("reason", "drill").param("enabled", "true").param("confirmed", "false");
			if (path.matches("/(onboarding|desk/sessions)/\\d+.*")) {
				request.param("version", String.valueOf(this.driver.version(idIn(path))));
			}
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		if ("GET".equals(row.method()) && !PAGES_SHOWING_SANDBOX_TOKENS.contains(row.path())) {
			assertNoToken(response.getContentAsString(StandardCharsets.UTF_8), row.key() + " as " + column);
		}
		String location = response.getRedirectedUrl();
		if (response.getStatus() == 302 && location != null && location.endsWith("/login")) {
			return "login";
		}
		return String.valueOf(response.getStatus());
	}

	private final Map<String, String> apiTokens = new java.util.HashMap<>();

	private String apiToken(String username) {
		return this.apiTokens.computeIfAbsent(username,
				(name) -> ApiTestTokens.issue(this.tokens, name, "role-matrix").secret());
	}

	private void assertNoToken(String body, String where) {
		for (String token : this.jdbc.sql("select token_key from sandbox_token").query(String.class).list()) {
			assertThat(body).as("a token on %s", where).doesNotContain(token);
		}
	}

	/** Real ids: a fresh onboarding of "operator" or a fresh account for each cell. */
	private String substitute(String pattern) {
		String path = pattern.replace("/**", "/users/");
		if (path.startsWith("/onboarding/{id}") || path.startsWith("/desk/sessions/{id}")
				|| path.startsWith("/audit/sessions/{id}") || path.startsWith("/api/v1/onboardings/{id}")) {
			long id = this.driver.prepared("Matrix " + counter.incrementAndGet(), "matrix_" + counter.get(),
					OnboardingDriver.OPERATOR);
			path = path.replace("{id}", String.valueOf(id));
		}
		if (path.startsWith("/admin/accounts/{id}")) {
			long id = this.accounts
				.create("matrix-" + counter.incrementAndGet(), "matrix-password-1", Set.of(Role.AUDITOR), "drill")
				.getId();
			path = path.replace("{id}", String.valueOf(id));
		}
		// Revoking a token of someone else (or none) changes nothing.
		path = path.replace("/account/tokens/{id}", "/account/tokens/1");
		return path.replace("/{step}/run", "/offering/run")
			.replace("{step}", "integration")
			.replace("{mode}", "report");
	}

	private static long idIn(String path) {
		for (String segment : path.split("/")) {
			if (segment.matches("\\d+")) {
				return Long.parseLong(segment);
			}
		}
		throw new IllegalArgumentException("No id in " + path);
	}

	private static String username(String role) {
		return role.toLowerCase(java.util.Locale.ROOT);
	}

	/** Method and pattern of every mapping of the portal's own controllers. */
	private Set<String> portalMappings() {
		Set<String> keys = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.waldur.portal")) {
				continue;
			}
			Set<String> methods = new TreeSet<>();
			entry.getKey().getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("*");
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				methods.forEach((method) -> keys.add(method + " " + pattern));
			}
		}
		return keys;
	}

	static List<Row> rows() throws IOException {
		String csv = new ClassPathResource("drills/role-matrix.csv").getContentAsString(StandardCharsets.UTF_8);
		return csv.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.map((line) -> List.of(line.split("\\s*,\\s*")))
			.map((cells) -> new Row(cells.get(0), cells.get(1), cells.subList(2, cells.size())))
			.toList();
	}

	/**
	 * One row of the table.
	 *
	 * @param method HTTP method, {@code *} for a mapping of every method
	 * @param path the mapping's path pattern
	 * @param expected expected answer per column of {@link #COLUMNS}
	 */
	record Row(String method, String path, List<String> expected) {

		Row {
			if (expected.size() != COLUMNS.size()) {
				throw new IllegalArgumentException(
						"Row " + method + " " + path + " needs " + COLUMNS.size() + " expected answers: " + COLUMNS);
			}
		}

		String key() {
			return this.method + " " + this.path;
		}

	}

}
