package org.waldur.portal.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.waldur.portal.PortalApplication;
import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds a large onboarding history and measures the desk through HTTP against the running
 * portal: p50 and p95 of filtered list pages, session timelines and the list of an
 * operator; then the audit log's search pages, session trails and exports
 * ({@link AuditBench}). Writes {@code target/bench/results.md}. Run with
 * {@code ./mvnw verify -Pbench}.
 */
@Tag("bench")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBenchmark {

	private static final Path RESULTS = Path.of("target", "bench", "results.md");

	private static final int REQUESTS = 200;

	private static final StringBuilder report = new StringBuilder("# Desk and audit benchmark\n\n");

	@Test
	@Order(1)
	void postgresql() throws Exception {
		run("PostgreSQL 17 (embedded)", EmbeddedPostgres.newDatabase(), "postgres", "postgres",
				BenchSeed.Dialect.POSTGRESQL, 100_000, 10, 2_000_000);
	}

	@Test
	@Order(2)
	void h2() throws Exception {
		run("H2 (in memory, smaller set)",
				"jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "", BenchSeed.Dialect.H2, 10_000, 10, 200_000);
	}

	@AfterAll
	static void write() throws IOException {
		Files.createDirectories(RESULTS.getParent());
		Files.writeString(RESULTS, report);
		System.out.println(report);
	}

	private void run(String name, String url, String user, String password, BenchSeed.Dialect dialect, int sessions,
			int attemptsPerSession, int auditEntries) throws Exception {
		try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(PortalApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--logging.level.root=WARN")) {
			JdbcClient jdbc = portal.getBean(JdbcClient.class);
			long seedStart = System.nanoTime();
			BenchSeed seed = new BenchSeed(jdbc, dialect);
			seed.sessions(sessions);
			seed.steps();
			seed.attempts(attemptsPerSession);
			AuditBench audit = new AuditBench(jdbc, dialect);
			long auditSeedSeconds = audit.seed(auditEntries, sessions);
			jdbc.sql((dialect == BenchSeed.Dialect.POSTGRESQL) ? "vacuum analyze" : "analyze").update();
			long seedSeconds = (System.nanoTime() - seedStart) / 1_000_000_000;
			int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
			PortalClient support = new PortalClient(port);
			support.signIn("support", "sandbox-demo");
			PortalClient operator = new PortalClient(port);
			operator.signIn("operator", "sandbox-demo");
			long[] ids = jdbc.sql("select id from onboarding_session order by id")
				.query(Long.class)
				.list()
				.stream()
				.mapToLong(Long::longValue)
				.toArray();
			Map<String, String> lists = listRequests(jdbc, sessions);
			Map<String, Timings> results = new LinkedHashMap<>();
			Timings allLists = new Timings();
			// Warm up every page first: the JIT compiles the shared code paths once for
			// all.
			measure(support, new ArrayList<>(lists.values()), lists.size() * 10, "id=\"sessions\"");
			measure(support, List.of("/desk/sessions/" + ids[0], "/"), 20, "<main");
			for (Map.Entry<String, String> list : lists.entrySet()) {
				measure(support, List.of(list.getValue()), 5, "id=\"sessions\"");
				Timings timings = measure(support, List.of(list.getValue()), REQUESTS / lists.size() + 5,
						"id=\"sessions\"");
				results.put("list: " + list.getKey(), timings);
			}
			allLists = measure(support, new ArrayList<>(lists.values()), REQUESTS, "id=\"sessions\"");
			Random random = new Random(42);
			List<String> timelines = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				timelines.add("/desk/sessions/" + ids[random.nextInt(ids.length)]);
			}
			measure(support, timelines.subList(0, 50), 50, "id=\"timeline\"");
			Timings timeline = measure(support, timelines, REQUESTS, "id=\"timeline\"");
			Timings own = measure(operator, List.of("/onboarding", "/onboarding?status=COMPLETED&sort=created"),
					REQUESTS / 2, "id=\"sessions\"");
			measure(support, List.of("/"), 10, "id=\"home-support\"");
			Timings home = measure(support, List.of("/"), REQUESTS / 2, "id=\"home-support\"");
			Timings ownHome = measure(operator, List.of("/"), REQUESTS / 2, "id=\"home-operator\"");
			assertThat(jdbc.sql("select status, sessions from onboarding_status_count order by status")
				.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
				.list())
				.as("status counters kept by the database")
				.isEqualTo(jdbc.sql("select status, count(*) from onboarding_session group by status order by status")
					.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
					.list());
			long attempts = jdbc.sql("select count(*) from onboarding_step_attempt").query(Long.class).single();
			report(name, sessions, attempts, seedSeconds - auditSeedSeconds, allLists, results, timeline, own, home,
					ownHome);
			if (dialect == BenchSeed.Dialect.POSTGRESQL) {
				explain(jdbc);
			}
			PortalClient auditor = new PortalClient(port);
			auditor.signIn("auditor", "sandbox-demo");
			report.append(audit.measure(auditor, auditEntries, sessions, auditSeedSeconds));
		}
	}

	private static void explain(JdbcClient jdbc) {
		report.append("Plans on PostgreSQL (`explain analyze`):\n\n```\n");
		for (String sql : new String[] { "select status, sessions from onboarding_status_count",
				"select s.status, count(*) from onboarding_session s where s.status = 'NEEDS_ATTENTION' group by s.status",
				"select s.id, s.title from onboarding_session s where (lower(s.title) like '%50017 beta%' "
						+ "or s.offering_uuid like '50017 beta%' or s.username like '50017 beta%') "
						+ "order by s.updated_at desc, s.id desc limit 25",
				"select id, step, outcome from onboarding_step_attempt where session_id = 4711 order by id" }) {
			report.append(sql).append('\n');
			jdbc.sql("explain analyze " + sql)
				.query(String.class)
				.list()
				.forEach((line) -> report.append("  ").append(line).append('\n'));
		}
		report.append("```\n\n");
	}

	private static Map<String, String> listRequests(JdbcClient jdbc, int sessions) {
		String offering = jdbc
			.sql("select offering_uuid from onboarding_session where offering_uuid is not null "
					+ "order by id desc limit 1")
			.query(String.class)
			.single();
		Map<String, String> lists = new LinkedHashMap<>();
		lists.put("no filter, newest first", "/onboarding");
		lists.put("status needs attention", "/onboarding?status=NEEDS_ATTENTION");
		lists.put("needs attention incl. interrupted runs", "/onboarding?attention=true");
		lists.put("text in offering name", "/onboarding?q=" + (sessions / 2 + 17) + "+beta");
		lists.put("offering UUID prefix", "/onboarding?q=" + offering.substring(0, 30));
		lists.put("customer + status, by start",
				"/onboarding?customer=c0ffee00" + "0".repeat(21) + "123&status=COMPLETED&sort=created&dir=asc");
		lists.put("step + started by", "/onboarding?step=activation&createdBy=op17");
		lists.put("date range, by title", "/onboarding?from=2024-02-01&to=2024-02-29&sort=title");
		lists.put("last page", "/onboarding?page=" + (sessions / 25));
		return lists;
	}

	private static Timings measure(PortalClient client, List<String> paths, int count, String marker)
			throws IOException, InterruptedException {
		Timings timings = new Timings();
		for (int i = 0; i < count; i++) {
			String path = paths.get(i % paths.size());
			long start = System.nanoTime();
			HttpResponse<String> response = client.get(path);
			timings.add(System.nanoTime() - start);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains(marker);
		}
		return timings;
	}

	private static void report(String name, int sessions, long attempts, long seedSeconds, Timings allLists,
			Map<String, Timings> lists, Timings timeline, Timings own, Timings home, Timings ownHome) {
		report.append("## ").append(name).append("\n\n");
		report.append("%,d sessions, %,d steps, %,d step attempts; seeded and analysed in %d s. ".formatted(sessions,
				sessions * 7L, attempts, seedSeconds));
		report.append("Sequential requests over HTTP as `support` (server-rendered HTML), ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs.\n\n");
		report.append("| Request | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
		report.append(allLists.row("**list page, filters mixed** (target p95 < 100)")).append('\n');
		lists.forEach((key, timings) -> report.append(timings.row(key)).append('\n'));
		report.append(own.row("list as `operator` (own sessions only)")).append('\n');
		report.append(timeline.row("**session timeline** (target p95 < 50)")).append('\n');
		report.append(home.row("home page as `support` (20 needing attention)")).append('\n');
		report.append(ownHome.row("home page as `operator` (50 own)")).append('\n');
		report.append('\n');
	}

}
