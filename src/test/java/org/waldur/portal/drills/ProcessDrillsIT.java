package org.waldur.portal.drills;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills with the packaged jar as separate processes: a SIGKILL in the middle of a Waldur
 * call and a restart (H2 file mode and PostgreSQL), and two instances behind no sticky
 * routing sharing one PostgreSQL. Writes {@code target/drills/crash.md} and
 * {@code target/drills/two-instances.md}.
 */
@Tag("drill")
class ProcessDrillsIT {

	static final Pattern SEEDED = Pattern.compile("<td>([^<]+)</td><td><code>([0-9a-f]{32})</code>");

	@TempDir
	Path dataDir;

	@Test
	void crashInTheMiddleOfACallOnH2FileMode() throws Exception {
		String url = "jdbc:h2:file:" + this.dataDir.toAbsolutePath()
				+ "/portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		crashAndRestart("h2", List.of(), () -> new SingleConnectionDataSource(url, "sa", "", true));
	}

	@Test
	void crashInTheMiddleOfACallOnPostgres() throws Exception {
		String url = EmbeddedPostgres.newDatabase();
		List<String> args = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres");
		crashAndRestart("postgresql", args, () -> new DriverManagerDataSource(url, "postgres", "postgres"));
	}

	private void crashAndRestart(String db, List<String> args, java.util.function.Supplier<DataSource> database)
			throws Exception {
		long started = System.nanoTime();
		String name = "Crash " + db;
		String username = "crash_agent_" + db;
		long id;
		Instant killedAt;
		try (PortalProcess first = PortalProcess.start("crash-" + db + "-1", this.dataDir, args, true)) {
			PortalHttp operator = signedIn(first, "operator", "sandbox-demo");
			PortalHttp admin = signedIn(first, "admin", PortalProcess.ADMIN_PASSWORD);
			id = prepare(operator, admin, name, username);
			for (String step : List.of("offering", "integration", "activation")) {
				assertThat(run(operator, id, step)).as(step).doesNotEndWith("/steps/" + step);
			}
			admin.get("/admin/sandbox");
			admin.post("/admin/sandbox/faults", Map.of("method", "POST", "pathPattern", "users/", "kind", "DELAY",
					"status", "500", "delayMillis", "20000", "count", "1"));
			long version = PortalHttp.version(operator.get("/onboarding/" + id + "/steps/service-account").body());
			CompletableFuture<HttpResponse<String>> inFlight = operator.postAsync(
					"/onboarding/" + id + "/steps/service-account/run", Map.of("version", String.valueOf(version)));
			first.awaitLog("fired: DELAY on POST users/", Duration.ofSeconds(30));
			// The sandbox applies the call, then holds the answer for 20 s: kill in
			// between.
			Thread.sleep(1000);
			first.kill();
			killedAt = Instant.now();
			assertThat(inFlight).failsWithin(Duration.ofSeconds(10));
		}
		String afterRestart;
		int triesUntilReconciled = 0;
		try (PortalProcess second = PortalProcess.start("crash-" + db + "-2", this.dataDir, args, false)) {
			PortalHttp operator = signedIn(second, "operator", "sandbox-demo");
			String location;
			do {
				triesUntilReconciled++;
				location = run(operator, id, "service-account");
				if (location.endsWith("/steps/service-account")) {
					Thread.sleep(2000);
				}
			}
			while (location.endsWith("/steps/service-account")
					&& Duration.between(killedAt, Instant.now()).toSeconds() < 120);
			assertThat(location).as(() -> alerts(operator, id)).endsWith("/steps/manager-role");
			assertThat(run(operator, id, "manager-role")).endsWith("/steps/token");
			assertThat(run(operator, id, "token")).endsWith("/summary");
			afterRestart = operator.get("/onboarding/" + id + "/summary").body();
			assertThat(afterRestart).contains(name);
		}
		DataSource dataSource = database.get();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long users = jdbc.sql("select count(*) from sandbox_user where username = ?")
			.param(username)
			.query(Long.class)
			.single();
		long offerings = jdbc.sql("select count(*) from sandbox_offering where name = ?")
			.param(name)
			.query(Long.class)
			.single();
		long roles = jdbc
			.sql("select count(*) from sandbox_offering_role r join sandbox_offering o on o.uuid = r.offering_uuid "
					+ "where o.name = ?")
			.param(name)
			.query(Long.class)
			.single();
		List<String> history = jdbc
			.sql("select step || ' ' || outcome from onboarding_step_attempt " + "where session_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		String status = jdbc.sql("select status from onboarding_session where id = ?")
			.param(id)
			.query(String.class)
			.single();
		DrillFiles.recordSecrets(jdbc.sql("select token_key from sandbox_token").query(String.class).list());
		if (dataSource instanceof SingleConnectionDataSource single) {
			single.destroy();
		}
		DrillFiles.appendFigure("crash.md",
				"| %s | %s | %d | %d / %d / %d | %s | %d s |%n".formatted(db, status, triesUntilReconciled, offerings,
						users, roles, String.join(", ", history), (System.nanoTime() - started) / 1_000_000_000),
				"# Crash (SIGKILL during the service-account call, held 20 s by the sandbox)\n\n"
						+ "| Database | Status after restart | Runs until reconciled | Offerings / users / roles "
						+ "| Step history | Time |\n|---|---|---|---|---|---|\n");
		assertThat(status).isEqualTo("COMPLETED");
		assertThat(offerings).isEqualTo(1);
		assertThat(users).isEqualTo(1);
		assertThat(roles).isEqualTo(1);
		assertThat(history).containsExactly("OFFERING SUCCEEDED", "INTEGRATION SUCCEEDED", "ACTIVATION SUCCEEDED",
				"SERVICE_ACCOUNT RECONCILED", "MANAGER_ROLE SUCCEEDED", "TOKEN SUCCEEDED");
	}

	@Test
	void twoInstancesShareSessionsRefuseAStepInFlightAndLockJobsOnce() throws Exception {
		String url = EmbeddedPostgres.newDatabase();
		List<String> args = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres");
		Map<String, String> figures = new LinkedHashMap<>();
		try (PortalProcess a = PortalProcess.start("two-instances-a", this.dataDir.resolve("a"), args, true);
				PortalProcess b = PortalProcess.start("two-instances-b", this.dataDir.resolve("b"), args, false)) {
			PortalHttp operatorOnA = signedIn(a, "operator", "sandbox-demo");
			PortalHttp operatorOnB = new PortalHttp(b.base()).withSessionOf(operatorOnA);
			HttpResponse<String> home = operatorOnB.get("/onboarding");
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body()).contains("operator");
			figures.put("signed in on A, page on B with the same cookie", home.statusCode() + " (no sign-in asked)");

			PortalHttp adminOnA = signedIn(a, "admin", PortalProcess.ADMIN_PASSWORD);
			long id = prepare(operatorOnA, adminOnA, "Two Instances", "two_instances_agent");
			adminOnA.get("/admin/sandbox");
			adminOnA.post("/admin/sandbox/faults",
					Map.of("method", "POST", "pathPattern", "marketplace-provider-offerings/", "kind", "DELAY",
							"status", "500", "delayMillis", "2500", "count", "1"));
			long version = PortalHttp.version(operatorOnA.get("/onboarding/" + id + "/steps/offering").body());
			CompletableFuture<HttpResponse<String>> onA = operatorOnA
				.postAsync("/onboarding/" + id + "/steps/offering/run", Map.of("version", String.valueOf(version)));
			a.awaitLog("fired: DELAY on POST marketplace-provider-offerings/", Duration.ofSeconds(30));
			HttpResponse<String> onB = operatorOnB.post("/onboarding/" + id + "/steps/offering/run",
					Map.of("version", String.valueOf(version)));
			String refusal = operatorOnB.get(location(onB)).body();
			assertThat(refusal).containsAnyOf("already running", "at the same moment", "changed since");
			figures.put("same step submitted on B while running on A", "refused: \"" + firstMatch(refusal,
					"(This step is already running[^<]*|Someone else changed[^<]*|This onboarding changed[^<]*)")
					+ "\"");
			assertThat(location(onA.get())).endsWith("/steps/integration");
			figures.put("the step on A", "completed");

			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"));
			long offerings = jdbc.sql("select count(*) from sandbox_offering where name = 'Two Instances'")
				.query(Long.class)
				.single();
			assertThat(offerings).isEqualTo(1);
			figures.put("offerings created", String.valueOf(offerings));
			figures.put("HTTP sessions stored in PostgreSQL",
					String.valueOf(jdbc.sql("select count(*) from spring_session").query(Long.class).single()));
			DrillFiles.recordSecrets(jdbc.sql("select token_key from sandbox_token").query(String.class).list());
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
		JdbcTemplateLockProvider onA = lockProvider(dataSource);
		JdbcTemplateLockProvider onB = lockProvider(dataSource);
		LockConfiguration job = new LockConfiguration(Instant.now(), "drill-job", Duration.ofMinutes(1), Duration.ZERO);
		Optional<SimpleLock> first = onA.lock(job);
		Optional<SimpleLock> second = onB.lock(job);
		assertThat(first).isPresent();
		assertThat(second).isEmpty();
		first.get().unlock();
		assertThat(onB.lock(job)).isPresent();
		figures.put("scheduled job lock (ShedLock, shedlock table) taken by A, asked by B",
				"B refused until A released");
		StringBuilder md = new StringBuilder(
				"# Two instances on one PostgreSQL, no sticky routing\n\n| Check | Result |\n|---|---|\n");
		figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "/")).append(" |\n"));
		DrillFiles.write("two-instances.md", md.toString());
	}

	private static JdbcTemplateLockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	private static PortalHttp signedIn(PortalProcess portal, String username, String password) throws Exception {
		PortalHttp http = new PortalHttp(portal.base());
		assertThat(location(http.login(username, password))).doesNotContain("error").doesNotContain("locked");
		return http;
	}

	/** Starts an onboarding over HTTP and saves all its inputs; returns its id. */
	private static long prepare(PortalHttp operator, PortalHttp admin, String name, String username) throws Exception {
		Map<String, String> seeded = new LinkedHashMap<>();
		Matcher matcher = SEEDED.matcher(admin.get("/admin/sandbox").body());
		while (matcher.find()) {
			seeded.put(matcher.group(1), matcher.group(2));
		}
		operator.get("/onboarding");
		String offeringPage = location(operator.post("/onboarding", Map.of()));
		long id = Long.parseLong(offeringPage.replaceAll(".*/onboarding/(\\d+)/.*", "$1"));
		long version = PortalHttp.version(operator.get("/onboarding/" + id + "/steps/offering").body());
		Map<String, String> offering = new LinkedHashMap<>();
		offering.put("version", String.valueOf(version));
		offering.put("name", name);
		offering.put("description", "Drill cluster");
		offering.put("customerUuid", seeded.get("Sandbox HPC Centre"));
		offering.put("categoryUuid", seeded.get("HPC"));
		offering.put("components[0].type", "node_hours");
		offering.put("components[0].name", "Node hours");
		offering.put("components[0].measuredUnit", "Node-hours");
		offering.put("components[0].billingType", "usage");
		offering.put("plans[0].name", "Default");
		offering.put("plans[0].unit", "month");
		offering.put("shared", "true");
		assertThat(location(operator.post("/onboarding/" + id + "/steps/offering", offering))).contains("#preview");
		version = PortalHttp.version(operator.get("/onboarding/" + id + "/steps/integration").body());
		Map<String, String> integration = new LinkedHashMap<>();
		integration.put("version", String.valueOf(version));
		integration.put("homedirPrefix", "/home/");
		integration.put("initialUidnumber", "5000");
		integration.put("initialUsergroupNumber", "6000");
		integration.put("initialPrimarygroupNumber", "5000");
		integration.put("usernameAnonymizedPrefix", "walduruser_");
		integration.put("usernameGenerationPolicy", "service_provider");
		integration.put("serviceProviderCanCreateOfferingUser", "true");
		integration.put("accountNameGenerationPolicy", "project_slug");
		assertThat(location(operator.post("/onboarding/" + id + "/steps/integration", integration)))
			.contains("#preview");
		version = PortalHttp.version(operator.get("/onboarding/" + id + "/steps/service-account").body());
		assertThat(
				location(operator.post("/onboarding/" + id + "/steps/service-account",
						Map.of("version", String.valueOf(version), "username", username, "email",
								username + "@example.org", "firstName", "Site", "lastName", "Agent"))))
			.contains("#preview");
		return id;
	}

	/** Runs a step over HTTP with the page's current version; returns where it leads. */
	private static String run(PortalHttp operator, long id, String step) throws Exception {
		String page = operator.get("/onboarding/" + id + "/steps/" + step).body();
		if (!page.contains("name=\"version\"")) {
			// A running step shows no form: it cannot be submitted yet.
			return "/onboarding/" + id + "/steps/" + step;
		}
		long version = PortalHttp.version(page);
		return location(operator.post("/onboarding/" + id + "/steps/" + step + "/run",
				Map.of("version", String.valueOf(version))));
	}

	private static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.map((l) -> l.replaceFirst("^https?://[^/]+", ""))
			.orElseThrow(() -> new AssertionError("No redirect, status " + response.statusCode()));
	}

	private static String alerts(PortalHttp operator, long id) {
		try {
			String page = operator.get("/onboarding/" + id + "/steps/service-account").body();
			Matcher matcher = Pattern.compile("role=\"(?:alert|status)\"[^>]*>([\\s\\S]{0,400}?)</div>").matcher(page);
			StringBuilder alerts = new StringBuilder();
			while (matcher.find()) {
				alerts.append(matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).append(" // ");
			}
			return alerts.toString();
		}
		catch (Exception ex) {
			return String.valueOf(ex);
		}
	}

	private static String firstMatch(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? matcher.group(1).strip() : "?";
	}

}
