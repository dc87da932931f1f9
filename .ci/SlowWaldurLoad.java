import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load generator for "the portal under a slow Waldur" (see README.md). A single-file
 * program (no dependencies, run with {@code java .ci/SlowWaldurLoad.java}); not part of
 * the test suite. Against a running portal in sandbox mode it:
 *
 * <ol>
 * <li>signs in as admin, operator and support and starts onboardings as operator;</li>
 * <li>probes {@code /login} (anonymous) and {@code /} (signed in) without load and
 * without delay, as a baseline;</li>
 * <li>adds DELAY faults (method {@code *}, path {@code *}) to the sandbox;</li>
 * <li>runs {@code WORKERS} concurrent page loads in a closed loop for {@code DURATION}
 * seconds (offering step, integration step, desk list, desk session, summary; operator
 * and support sessions), while probing {@code /login} and {@code /} over and over;</li>
 * <li>clears the faults and prints the figures as Markdown.</li>
 * </ol>
 *
 * Every loop is bounded in count and time. Settings come from the environment: BASE
 * (http://127.0.0.1:18080), ADMIN_PASSWORD, WORKERS (200), DURATION (60 s), DELAY_MS
 * (10000), THINK_MS (0), BUSY_PAUSE_MS (0: a worker answered "the portal is busy" asks again at
 * once; a browser would wait for Retry-After), PROBE_PAUSE_MS (100), SESSIONS (8 per role), PORTAL_PID,
 * OUT (directory for thread dumps) and PROBES ("here", or "external": see {@link #PROBES}).
 */
public class SlowWaldurLoad {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final String BUSY = "Waldur is busy";

	static final String NOT_LOADED = "could not be loaded from Waldur";

	static final String PORTAL_BUSY = "The portal is busy";

	static final String BASE = env("BASE", "http://127.0.0.1:18080");

	static final int WORKERS = Integer.parseInt(env("WORKERS", "200"));

	static final int DURATION = Integer.parseInt(env("DURATION", "60"));

	static final long DELAY_MS = Long.parseLong(env("DELAY_MS", "10000"));

	static final long THINK_MS = Long.parseLong(env("THINK_MS", "0"));

	static final long BUSY_PAUSE_MS = Long.parseLong(env("BUSY_PAUSE_MS", "0"));

	static final long PROBE_PAUSE_MS = Long.parseLong(env("PROBE_PAUSE_MS", "100"));

	static final int SESSIONS = Integer.parseInt(env("SESSIONS", "8"));

	/** Upper bound of page loads per worker, whatever the duration. */
	static final int MAX_LOADS_PER_WORKER = 5_000;

	/** Upper bound of samples per probe. */
	static final int MAX_PROBES = 20_000;

	/**
	 * "external": the probes run in a process of their own ({@code java
	 * .ci/SlowWaldurLoad.java probe}, started beside this one), so that their latency is
	 * the portal's and not this process's, whose 200 busy threads would delay the probes'
	 * own threads on a small machine; anything else: the probes run here.
	 */
	static final String PROBES = env("PROBES", "here");

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("probe")) {
			probeProcess();
			return;
		}
		String adminPassword = System.getenv("ADMIN_PASSWORD");
		if (adminPassword == null || adminPassword.isEmpty()) {
			throw new IllegalStateException("Set ADMIN_PASSWORD to the portal's admin password");
		}
		Path out = Path.of(env("OUT", "target/slow-waldur"));
		Files.createDirectories(out);

		Client admin = Client.signedIn("admin", adminPassword);
		List<Client> operators = new ArrayList<>();
		List<Client> supports = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			operators.add(Client.signedIn("operator", "sandbox-demo"));
			supports.add(Client.signedIn("support", "sandbox-demo"));
		}
		Client homeProbe = Client.signedIn("operator", "sandbox-demo");
		Client anonymous = new Client();

		// Onboardings being edited: started, offering step not yet run.
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			ids.add(operators.get(0).startOnboarding());
		}
		List<Page> pages = new ArrayList<>();
		for (long id : ids) {
			pages.add(new Page("offering step", "/onboarding/" + id + "/steps/offering"));
			pages.add(new Page("integration step", "/onboarding/" + id + "/steps/integration"));
			pages.add(new Page("desk list", "/onboarding"));
			pages.add(new Page("desk session", "/desk/sessions/" + id));
			pages.add(new Page("summary", "/onboarding/" + id + "/summary"));
		}
		for (Page page : pages) {
			HttpResponse<String> response = operators.get(0).get(page.path);
			check(response.statusCode() == 200, page.path + " answered " + response.statusCode());
		}

		StringBuilder report = new StringBuilder();
		report.append("Onboardings: ").append(ids).append("; ").append(WORKERS).append(" workers, ").append(DURATION)
			.append(" s, Waldur delay ").append(DELAY_MS).append(" ms, think time ").append(THINK_MS)
			.append(" ms, pause after \"the portal is busy\" ").append(BUSY_PAUSE_MS)
			.append(" ms, ").append(SESSIONS).append(" sessions each of operator and support\n\n");

		// Baseline: no load, no delay.
		Samples baseLogin = new Samples();
		Samples baseHome = new Samples();
		for (int i = 0; i < 50; i++) {
			baseLogin.time(() -> anonymous.get("/login"));
			baseHome.time(() -> homeProbe.get("/"));
		}

		// Waldur slow on every call.
		int faults = 0;
		if (DELAY_MS > 0) {
			for (int i = 0; i < 3; i++) {
				admin.addDelayFault(DELAY_MS, 1000);
				faults++;
			}
		}
		System.err.println("Added " + faults + " DELAY faults of " + DELAY_MS + " ms x 1000 calls on * *");

		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(DURATION);
		Samples login = new Samples();
		Samples home = new Samples();
		Map<String, Samples> perPage = new ConcurrentHashMap<>();
		Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
		LongAdder busy = new LongAdder();
		LongAdder notLoaded = new LongAdder();
		LongAdder portalBusy = new LongAdder();
		LongAdder loads = new LongAdder();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger turn = new AtomicInteger();

		ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 2);
		boolean external = PROBES.equals("external");
		Files.deleteIfExists(out.resolve("load-done"));
		if (external) {
			Files.writeString(out.resolve("load-started"), Long.toString(DURATION));
		}
		else {
			pool.submit(() -> probe(anonymous, "/login", login, deadline, errors));
			pool.submit(() -> probe(homeProbe, "/", home, deadline, errors));
		}
		for (int w = 0; w < WORKERS; w++) {
			Client client = ((w % 2) == 0 ? operators : supports).get((w / 2) % SESSIONS);
			String role = ((w % 2) == 0) ? "operator" : "support";
			pool.submit(() -> {
				for (int n = 0; n < MAX_LOADS_PER_WORKER && System.nanoTime() < deadline; n++) {
					Page page = pages.get(Math.floorMod(turn.getAndIncrement(), pages.size()));
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> response = client.get(page.path);
						long ms = (System.nanoTime() - t0) / 1_000_000;
						perPage.computeIfAbsent(page.name, (k) -> new Samples()).add(ms);
						loads.increment();
						if (response.statusCode() != 200) {
							statuses.computeIfAbsent(role + " " + page.name + " -> " + response.statusCode(),
									(k) -> new LongAdder()).increment();
						}
						if (response.statusCode() == 503 && response.body().contains(PORTAL_BUSY)) {
							portalBusy.increment();
							pause(BUSY_PAUSE_MS);
						}
						else if (response.body().contains(BUSY)) {
							busy.increment();
						}
						else if (response.body().contains(NOT_LOADED)) {
							notLoaded.increment();
						}
					}
					catch (Exception ex) {
						loads.increment();
						statuses.computeIfAbsent(role + " " + page.name + " -> " + ex.getClass().getSimpleName(),
								(k) -> new LongAdder()).increment();
					}
					pause(THINK_MS);
				}
			});
		}

		// Thread dumps of the portal while loaded.
		String pid = System.getenv("PORTAL_PID");
		List<String> dumps = new ArrayList<>();
		if (pid != null && !pid.isEmpty()) {
			for (int i = 1; i <= 2; i++) {
				long at = start + TimeUnit.SECONDS.toNanos(DURATION * i / 3);
				pause(Math.max(0, (at - System.nanoTime()) / 1_000_000));
				dumps.add(threadDump(pid, out.resolve("threads-" + i + ".txt")));
			}
		}
		pool.shutdown();
		if (!pool.awaitTermination(DURATION + 90, TimeUnit.SECONDS)) {
			pool.shutdownNow();
			errors.add("workers still running 90 s after the deadline");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (external) {
			Files.writeString(out.resolve("load-done"), "done");
			Path probed = out.resolve("probes-done");
			for (int i = 0; i < 600 && !Files.exists(probed); i++) {
				pause(100);
			}
			check(Files.exists(probed), "the probe process wrote no figures");
			read(out.resolve("probe-login.txt"), login);
			read(out.resolve("probe-home.txt"), home);
		}
		if (faults > 0) {
			admin.clearFaults();
		}

		report.append("| Probe | phase | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
		report.append(baseLogin.row("`/login` (anonymous)", "idle, Waldur not delayed"));
		report.append(baseHome.row("`/` (operator)", "idle, Waldur not delayed"));
		String where = external ? ", probes in their own process" : "";
		report.append(login.row("`/login` (anonymous)", "under load, Waldur +" + DELAY_MS + " ms" + where));
		report.append(home.row("`/` (operator)", "under load, Waldur +" + DELAY_MS + " ms" + where));
		report.append("\n| Page (load) | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
		new TreeMap<>(perPage).forEach((name, samples) -> report.append(samples.row(name, null)));
		report.append(String.format("%nPage loads: %d in %.1f s (%.1f/s); answered \"%s\": %d; "
				+ "lists \"%s\" (timed out): %d; answered \"%s\" (503, before any work): %d%n", loads.sum(), seconds,
				loads.sum() / seconds, BUSY, busy.sum(), NOT_LOADED, notLoaded.sum(), PORTAL_BUSY, portalBusy.sum()));
		report.append("Non-200 answers and failures of page loads: ")
			.append(statuses.isEmpty() ? "none" : new TreeMap<>(statuses).toString())
			.append('\n');
		report.append("Probe failures: ").append(login.failures()).append(" on /login, ").append(home.failures())
			.append(" on /\n");
		errors.stream().distinct().limit(20).forEach((e) -> report.append("- ").append(e).append('\n'));
		for (int i = 0; i < dumps.size(); i++) {
			report.append("\nThread dump ").append(i + 1).append(" (threads-").append(i + 1).append(".txt):\n")
				.append(dumps.get(i));
		}
		System.out.print(report);
	}

	/**
	 * The probes as a process of their own: waits for the load to start (the file
	 * {@code load-started} in OUT), probes {@code /login} and {@code /} until the file
	 * {@code load-done} appears (or DURATION + 60 s), and writes each probe's latencies,
	 * one per line, with failures as negative numbers.
	 */
	static void probeProcess() throws Exception {
		Path out = Path.of(env("OUT", "target/slow-waldur"));
		Client homeProbe = Client.signedIn("operator", "sandbox-demo");
		Client anonymous = new Client();
		Path started = out.resolve("load-started");
		for (int i = 0; i < 6000 && !Files.exists(started); i++) {
			pause(100);
		}
		check(Files.exists(started), "the load did not start");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DURATION + 60);
		Path done = out.resolve("load-done");
		Samples login = new Samples();
		Samples home = new Samples();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		Thread loginProbe = new Thread(() -> probeUntil(anonymous, "/login", login, deadline, done, errors));
		Thread homeProbeThread = new Thread(() -> probeUntil(homeProbe, "/", home, deadline, done, errors));
		loginProbe.start();
		homeProbeThread.start();
		loginProbe.join();
		homeProbeThread.join();
		write(out.resolve("probe-login.txt"), login);
		write(out.resolve("probe-home.txt"), home);
		errors.stream().distinct().limit(20).forEach(System.err::println);
		Files.writeString(out.resolve("probes-done"), "done");
	}

	static void probeUntil(Client client, String path, Samples samples, long deadline, Path done,
			List<String> errors) {
		for (int n = 0; n < MAX_PROBES && System.nanoTime() < deadline && !Files.exists(done); n++) {
			try {
				samples.time(() -> client.get(path));
			}
			catch (Exception ex) {
				errors.add(path + ": " + ex);
			}
			pause(PROBE_PAUSE_MS);
		}
	}

	static void write(Path file, Samples samples) throws IOException {
		List<String> lines = new ArrayList<>();
		synchronized (samples.millis) {
			samples.millis.forEach((ms) -> lines.add(Long.toString(ms)));
		}
		for (long i = 0; i < samples.failures(); i++) {
			lines.add("-1");
		}
		Files.write(file, lines);
	}

	static void read(Path file, Samples samples) throws IOException {
		for (String line : Files.readAllLines(file)) {
			long ms = Long.parseLong(line.trim());
			if (ms < 0) {
				samples.failed.increment();
			}
			else {
				samples.add(ms);
			}
		}
	}

	static void probe(Client client, String path, Samples samples, long deadline, List<String> errors) {
		for (int n = 0; n < MAX_PROBES && System.nanoTime() < deadline; n++) {
			try {
				samples.time(() -> client.get(path));
			}
			catch (Exception ex) {
				errors.add(path + ": " + ex);
			}
			pause(PROBE_PAUSE_MS);
		}
	}

	/** Takes a thread dump with jcmd and summarises what the web-server threads do. */
	static String threadDump(String pid, Path file) {
		try {
			Process jcmd = new ProcessBuilder("jcmd", pid, "Thread.print").redirectErrorStream(true).start();
			String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor(30, TimeUnit.SECONDS);
			Files.writeString(file, dump);
			Map<String, Integer> kinds = new TreeMap<>();
			int web = 0;
			for (String thread : dump.split("\n\n")) {
				if (!thread.startsWith("\"http-nio-")) {
					continue;
				}
				if (thread.contains("-exec-")) {
					web++;
					kinds.merge(classify(thread), 1, Integer::sum);
				}
			}
			return "- web-server (http-nio-*-exec-*) threads: " + web + "\n" + kinds.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.map((e) -> "  - " + e.getValue() + " " + e.getKey())
				.collect(Collectors.joining("\n")) + "\n";
		}
		catch (IOException | InterruptedException ex) {
			return "- no thread dump: " + ex + "\n";
		}
	}

	static String classify(String thread) {
		if (thread.contains("SandboxApiController.pause")) {
			return "sandbox answer held by the DELAY fault (SandboxApiController.pause)";
		}
		if (thread.contains("org.waldur.portal.waldur.")) {
			return "waiting for a Waldur call (WaldurClient/WaldurTransport)";
		}
		if (thread.contains("TaskQueue.take") || thread.contains("TaskQueue.poll")) {
			return "idle";
		}
		String top = thread.lines().skip(2).limit(3).collect(Collectors.joining("\n"));
		if (thread.contains("State: BLOCKED") && top.contains("SecureRandom")) {
			return "BLOCKED on the shared SecureRandom (request id UUID, CSRF token)";
		}
		if (top.contains("com.zaxxer.hikari")) {
			return "waiting for or handing back a database connection (Hikari)";
		}
		if (thread.contains("BCrypt")) {
			return "checking a password (BCrypt)";
		}
		Matcher frame = Pattern.compile("\tat (org\\.waldur\\.[\\w.$]+)").matcher(thread);
		String state = thread.contains("RUNNABLE") ? "RUNNABLE" : "blocked/waiting";
		if (frame.find()) {
			return state + " in " + frame.group(1);
		}
		Matcher any = Pattern.compile("\tat ([\\w.$]+)").matcher(thread);
		return state + " in " + (any.find() ? any.group(1) : "?");
	}

	static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

	record Page(String name, String path) {
	}

	/** A browser session: its own cookies, the CSRF token of the last form it saw. */
	static final class Client {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		volatile String csrf = "";

		static Client signedIn(String username, String password) throws Exception {
			Client client = new Client();
			client.get("/login");
			HttpResponse<String> answer = client.post("/login", Map.of("username", username, "password", password));
			String location = answer.headers().firstValue("Location").orElse("");
			check(answer.statusCode() == 302 && !location.contains("error"),
					"sign-in of " + username + " failed: " + answer.statusCode() + " " + location);
			client.get("/");
			return client;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			Map<String, String> fields = new LinkedHashMap<>(form);
			fields.putIfAbsent("_csrf", this.csrf);
			String body = fields.entrySet()
				.stream()
				.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
			return this.http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		long startOnboarding() throws Exception {
			get("/");
			HttpResponse<String> answer = post("/onboarding", Map.of("name", "Load test"));
			Matcher id = Pattern.compile("/onboarding/(\\d+)/steps/offering")
				.matcher(answer.headers().firstValue("Location").orElse(""));
			check(answer.statusCode() == 302 && id.find(), "could not start an onboarding: " + answer.statusCode());
			return Long.parseLong(id.group(1));
		}

		void addDelayFault(long delayMillis, int count) throws Exception {
			get("/admin/sandbox");
			HttpResponse<String> answer = post("/admin/sandbox/faults",
					Map.of("method", "*", "pathPattern", "*", "kind", "DELAY", "status", "500", "delayMillis",
							Long.toString(delayMillis), "count", Integer.toString(count)));
			check(answer.statusCode() == 302, "adding a fault answered " + answer.statusCode());
		}

		void clearFaults() throws Exception {
			get("/admin/sandbox");
			HttpResponse<String> answer = post("/admin/sandbox/faults/clear", Map.of());
			check(answer.statusCode() == 302, "clearing faults answered " + answer.statusCode());
		}

		private static HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/** Latencies in milliseconds. */
	static final class Samples {

		final List<Long> millis = Collections.synchronizedList(new ArrayList<>());

		final LongAdder failed = new LongAdder();

		interface Call {

			HttpResponse<String> run() throws Exception;

		}

		void time(Call call) {
			long t0 = System.nanoTime();
			try {
				HttpResponse<String> response = call.run();
				if (response.statusCode() != 200) {
					this.failed.increment();
				}
			}
			catch (Exception ex) {
				this.failed.increment();
			}
			add((System.nanoTime() - t0) / 1_000_000);
		}

		void add(long ms) {
			this.millis.add(ms);
		}

		long failures() {
			return this.failed.sum();
		}

		String row(String name, String phase) {
			List<Long> sorted;
			synchronized (this.millis) {
				sorted = new ArrayList<>(this.millis);
			}
			Collections.sort(sorted);
			String figures = sorted.size() + " | " + pct(sorted, 50) + " | " + pct(sorted, 95) + " | "
					+ pct(sorted, 99) + " | " + (sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1));
			return "| " + name + " | " + ((phase != null) ? phase + " | " : "") + figures + " |\n";
		}

		static String pct(List<Long> sorted, int p) {
			if (sorted.isEmpty()) {
				return "-";
			}
			int rank = (int) Math.ceil(p / 100.0 * sorted.size());
			return Long.toString(sorted.get(Math.max(0, rank - 1)));
		}

	}

}
