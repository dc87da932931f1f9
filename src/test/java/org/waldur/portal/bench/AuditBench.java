package org.waldur.portal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit part of the benchmark: seeds audit entries and measures, over HTTP as
 * {@code auditor}, search pages with each filter, older pages through the cursor links,
 * session trails, the integrity check and the export rate with the heap sampled every 100
 * ms (the portal runs in this JVM).
 */
final class AuditBench {

	private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]+)\"[^>]*id=\"older\"");

	private static final String MARKER = "id=\"audit-filter\"";

	private static final int REQUESTS = 40;

	private final JdbcClient jdbc;

	private final BenchSeed.Dialect dialect;

	private final StringBuilder report = new StringBuilder();

	AuditBench(JdbcClient jdbc, BenchSeed.Dialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * Seeds {@code entries} audit entries over {@code sessions} sessions; seconds taken.
	 */
	long seed(int entries, int sessions) {
		long start = System.nanoTime();
		new BenchSeed(this.jdbc, this.dialect).auditEntries(entries, sessions);
		return (System.nanoTime() - start) / 1_000_000_000;
	}

	/** Runs every measurement and returns the report section. */
	String measure(PortalClient auditor, int entries, int sessions, long seedSeconds)
			throws IOException, InterruptedException {
		long total = count("select count(*) from audit_entry");
		this.report.append("### Audit log\n\n%,d audit entries (%,d seeded in %d s, %s). ".formatted(total, entries,
				seedSeconds, (this.dialect == BenchSeed.Dialect.POSTGRESQL) ? "a valid hash chain"
						: "placeholder hashes: not a valid chain, so integrity is not checked here"));
		this.report.append("Sequential requests over HTTP as `auditor`.\n\n");
		this.report.append("| Request | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
		Map<String, String> searches = searches(entries, sessions);
		Timings all = new Timings();
		Map<String, Timings> each = new LinkedHashMap<>();
		for (String path : searches.values()) {
			get(auditor, path, 10, null);
		}
		for (Map.Entry<String, String> search : searches.entrySet()) {
			each.put("search: " + search.getKey(), get(auditor, search.getValue(), REQUESTS, all));
		}
		Timings older = older(auditor, new ArrayList<>(searches.values()).subList(0, 5), all);
		this.report.append(all.row("**audit search, filters and older pages mixed** (target p95 < 100)")).append('\n');
		each.forEach((name, timings) -> this.report.append(timings.row(name)).append('\n'));
		this.report.append(older.row("older page (following the *Older* link up to 10 deep)")).append('\n');
		this.report.append(trails(auditor, sessions).row("session trail `/audit/sessions/{id}`")).append("\n\n");
		exports(auditor, entries);
		if (this.dialect == BenchSeed.Dialect.POSTGRESQL) {
			verify(auditor);
			explain();
		}
		return this.report.toString();
	}

	private Map<String, String> searches(int entries, int sessions) {
		Instant middle = START.plusSeconds(entries * 15L);
		Map<String, String> searches = new LinkedHashMap<>();
		searches.put("no filter", "/audit");
		searches.put("actor", "/audit?actor=op17");
		searches.put("action", "/audit?action=SECRET_REVEALED");
		searches.put("outcome denied", "/audit?outcome=DENIED");
		searches.put("time range (a week)",
				"/audit?from=" + MINUTE.format(middle) + "&to=" + MINUTE.format(middle.plus(Duration.ofDays(7))));
		searches.put("session id", "/audit?session=" + (sessions / 2 + 17));
		searches.put("actor + outcome failure", "/audit?actor=op42&outcome=FAILURE");
		searches.put("action + outcome denied", "/audit?action=SIGN_IN&outcome=DENIED");
		searches.put("rare actor (admin) + time range",
				"/audit?actor=admin&from=" + MINUTE.format(middle) + "&to=" + MINUTE.format(middle.plusSeconds(86400)));
		searches.put("no match", "/audit?actor=nobody");
		return searches;
	}

	private static Timings get(PortalClient client, String path, int count, @Nullable Timings all)
			throws IOException, InterruptedException {
		Timings timings = new Timings();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = client.get(path);
			long nanos = System.nanoTime() - start;
			timings.add(nanos);
			if (all != null) {
				all.add(nanos);
			}
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains(MARKER);
		}
		return timings;
	}

	private static Timings older(PortalClient client, List<String> starts, Timings all)
			throws IOException, InterruptedException {
		Timings timings = new Timings();
		for (int round = 0; round < 2; round++) {
			for (String start : starts) {
				String body = client.get(start).body();
				for (int page = 0; page < 10; page++) {
					Matcher older = OLDER.matcher(body);
					if (!older.find()) {
						assertThat(page).as("older pages of " + start).isPositive();
						break;
					}
					String path = older.group(1).replace("&amp;", "&");
					long begin = System.nanoTime();
					HttpResponse<String> response = client.get(path);
					long nanos = System.nanoTime() - begin;
					assertThat(response.statusCode()).as(path).isEqualTo(200);
					body = response.body();
					assertThat(body).as(path).contains("id=\"audit-table\"");
					if (round > 0) {
						timings.add(nanos);
						all.add(nanos);
					}
				}
			}
		}
		return timings;
	}

	private static Timings trails(PortalClient client, int sessions) throws IOException, InterruptedException {
		Random random = new Random(7);
		Timings timings = new Timings();
		for (int i = 0; i < REQUESTS * 3; i++) {
			String path = "/audit/sessions/" + (1 + random.nextInt(sessions));
			long start = System.nanoTime();
			HttpResponse<String> response = client.get(path);
			if (i >= 20) {
				timings.add(System.nanoTime() - start);
			}
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
		return timings;
	}

	private void exports(PortalClient client, int entries) throws IOException, InterruptedException {
		client.countLines("/audit/export.csv?" + range(entries / 40));
		client.countLines("/audit/export.jsonl?" + range(entries / 40));
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		this.report.append("Exports, streamed and counted line by line by the client. Heap of this JVM (portal and ")
			.append("client), sampled every 100 ms (all of the heap, and the old generation, where retained rows would pile up); baseline and after are measured after `System.gc()`; max heap ")
			.append(mb(memory.getHeapMemoryUsage().getMax()))
			.append(" MB.\n\n| Export | rows | s | rows/s | heap baseline MB | heap min–max during MB | old gen min–max during MB | heap after MB |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		String quarter = range(entries / 4);
		Instant to = START.plusSeconds(entries / 4 * 30L);
		Supplier<Long> quarterCount = () -> this.jdbc
			.sql("select count(*) from audit_entry where occurred_at >= ? and occurred_at < ?")
			.params(START.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		Supplier<Long> allCount = () -> count("select count(*) from audit_entry");
		export(client, memory, "CSV, first quarter by time range", "/audit/export.csv?" + quarter, 1, quarterCount);
		export(client, memory, "JSON lines, first quarter by time range", "/audit/export.jsonl?" + quarter, 0,
				quarterCount);
		export(client, memory, "CSV, everything", "/audit/export.csv", 1, allCount);
		export(client, memory, "JSON lines, everything", "/audit/export.jsonl", 0, allCount);
		this.report.append('\n');
	}

	private void export(PortalClient client, MemoryMXBean memory, String name, String path, int headerLines,
			Supplier<Long> expected) throws IOException, InterruptedException {
		long baseline = settledHeap(memory);
		Range heap = new Range();
		Range old = new Range();
		MemoryPoolMXBean oldGen = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getName().contains("Old Gen"))
			.findFirst()
			.orElseThrow();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			heap.add(memory.getHeapMemoryUsage().getUsed());
			old.add(oldGen.getUsage().getUsed());
		}, 0, 100, TimeUnit.MILLISECONDS);
		long start = System.nanoTime();
		long lines = client.countLines(path);
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.shutdown();
		sampler.awaitTermination(1, TimeUnit.SECONDS);
		long rows = lines - headerLines;
		assertThat(rows).as(path).isEqualTo(expected.get());
		long after = settledHeap(memory);
		this.report.append("| %s | %,d | %.1f | %,.0f | %d | %s | %s | %d |\n".formatted(name, rows, seconds,
				rows / seconds, mb(baseline), heap, old, mb(after)));
	}

	private static String range(long rows) {
		return "from=" + MINUTE.format(START) + "&to=" + MINUTE.format(START.plusSeconds(rows * 30));
	}

	private void verify(PortalClient client) throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> page = client.post("/audit", "/audit/verify");
		double seconds = (System.nanoTime() - start) / 1e9;
		Matcher checked = Pattern.compile("integrity (intact: \\d+ entries checked|broken at [^<]+)")
			.matcher(page.body());
		assertThat(checked.find()).as("integrity message").isTrue();
		this.report.append("Integrity check over HTTP (*Verify integrity*, walks the whole chain): ")
			.append(checked.group(1))
			.append(" in %.1f s.\n\n".formatted(seconds));
		assertThat(checked.group(1)).startsWith("intact");
	}

	private void explain() {
		this.report.append("Plans of audit searches on PostgreSQL (`explain analyze`):\n\n```\n");
		String columns = "select id, occurred_at, actor, action, outcome from audit_entry ";
		String order = " order by occurred_at desc, id desc limit 51";
		for (String sql : new String[] { columns + "where outcome = 'DENIED'" + order,
				columns + "where actor = 'op42' and outcome = 'FAILURE'" + order,
				columns + "where action = 'SIGN_IN' and outcome = 'DENIED'" + order,
				columns + "where session_id = 50017" + order,
				columns + "where occurred_at >= '2025-01-01' and occurred_at < '2025-01-08'" + order,
				columns + "where action = 'SECRET_REVEALED' and (occurred_at, id) < ('2025-01-01', 1000000)"
						+ order }) {
			this.report.append(sql).append('\n');
			this.jdbc.sql("explain analyze " + sql)
				.query(String.class)
				.list()
				.forEach((line) -> this.report.append("  ").append(line).append('\n'));
		}
		this.report.append("```\n\n");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
		System.gc();
		Thread.sleep(200);
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static long mb(long bytes) {
		return bytes / (1024 * 1024);
	}

	/** Smallest and largest of samples taken on another thread, in MB when printed. */
	private static final class Range {

		private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);

		private final AtomicLong max = new AtomicLong();

		void add(long value) {
			this.min.accumulateAndGet(value, Math::min);
			this.max.accumulateAndGet(value, Math::max);
		}

		@Override
		public String toString() {
			return mb(this.min.get()) + "–" + mb(this.max.get());
		}

	}

}
