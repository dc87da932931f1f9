package org.waldur.portal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.waldur.portal.PortalApplication;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page costs the server: CPU time and allocated bytes per request of the request
 * threads, read from the JVM's thread counters, so that the figures do not depend on what
 * else runs on the machine. Compares the offering step of a new onboarding (the wizard's
 * largest form) with the home page, alternating, after a warm-up. Writes
 * {@code target/bench/page-cost.md}. Run with
 * {@code ./mvnw verify -Pbench -Dit.test=none -Dtest=PageCostBenchmark}.
 */
@Tag("bench")
class PageCostBenchmark {

	private static final Path RESULTS = Path.of("target", "bench", "page-cost.md");

	private static final int WARM_UP = Integer.getInteger("pageCost.warmUp", 3000);

	private static final int REQUESTS = Integer.getInteger("pageCost.requests", 1000);

	private static final int ROUNDS = 5;

	@Test
	void offeringStepAgainstHome() throws Exception {
		try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(PortalApplication.class).run(
				"--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:page-cost;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"--logging.level.root=WARN")) {
			int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
			long id = portal.getBean(Onboarding.class).start(OnboardingDriver.OPERATOR).getId();
			PortalClient operator = new PortalClient(port);
			operator.signIn("operator", "sandbox-demo");
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("offering step (new onboarding, editable)", "/onboarding/" + id + "/steps/offering");
			pages.put("home", "/");
			Map<String, List<double[]>> figures = new LinkedHashMap<>();
			for (String path : pages.values()) {
				measure(operator, path, WARM_UP);
				figures.put(path, new ArrayList<>());
			}
			for (int round = 0; round < ROUNDS; round++) {
				for (String path : pages.values()) {
					figures.get(path).add(measure(operator, path, REQUESTS));
				}
			}
			StringBuilder report = new StringBuilder("# What a page costs the server\n\n");
			report.append("Request threads' CPU time and allocation per request, ")
				.append(REQUESTS)
				.append(" sequential requests per round, ")
				.append(ROUNDS)
				.append(" rounds alternating, after ")
				.append(WARM_UP)
				.append(" each to warm up; ")
				.append(Runtime.getRuntime().availableProcessors())
				.append(" CPUs, load average before ")
				.append(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
				.append(".\n\n| Page | CPU µs/request (median of rounds) | rounds | KB allocated/request |\n|---|---|---|---|\n");
			double[] medians = new double[pages.size()];
			int i = 0;
			for (Map.Entry<String, String> page : pages.entrySet()) {
				List<double[]> rounds = figures.get(page.getValue());
				double cpu = median(rounds.stream().mapToDouble((r) -> r[0]).toArray());
				double kb = median(rounds.stream().mapToDouble((r) -> r[1]).toArray());
				medians[i++] = cpu;
				report.append("| %s `%s` | %.0f | %s | %.0f |%n".formatted(page.getKey(), page.getValue(), cpu,
						Arrays.toString(rounds.stream().mapToLong((r) -> Math.round(r[0])).toArray()), kb));
			}
			report.append(("%nCost ratio offering/home %.2f: the offering step's throughput on the same CPUs is "
					+ "about %.2f× the home page's.%n")
				.formatted(medians[0] / medians[1], medians[1] / medians[0]));
			Files.createDirectories(RESULTS.getParent());
			Files.writeString(RESULTS, report);
			System.out.println(report);
			assertThat(Arrays.stream(medians).min().orElse(0)).isPositive();
		}
	}

	/** CPU µs and KB allocated per request by the server's request threads. */
	private static double[] measure(PortalClient client, String path, int count)
			throws IOException, InterruptedException {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] before = requestThreadCounters(threads);
		for (int n = 0; n < count; n++) {
			HttpResponse<String> response = client.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
		long[] after = requestThreadCounters(threads);
		return new double[] { (after[0] - before[0]) / 1000.0 / count, (after[1] - before[1]) / 1024.0 / count };
	}

	private static long[] requestThreadCounters(ThreadMXBean threads) {
		long cpu = 0;
		long allocated = 0;
		// Thread#threadId is Java 19+; the portal builds for Java 17.
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith("http-nio-") && thread.getName().contains("-exec-")) {
				cpu += Math.max(0, threads.getThreadCpuTime(thread.getId()));
				allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
			}
		}
		return new long[] { cpu, allocated };
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
