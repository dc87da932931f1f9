package org.waldur.portal.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged portal jar running as a separate process, its output in
 * {@code target/drills/logs/<name>.log}.
 */
final class PortalProcess implements AutoCloseable {

	static final String ADMIN_PASSWORD = "drill-admin-password";

	static final String SECRET_KEY = "ZHJpbGwta2V5LWRyaWxsLWtleS1kcmlsbC1rZXktMzI=";

	private final Process process;

	private final Path log;

	private final int port;

	private PortalProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the jar with {@code args} and waits until it has started; on an empty
	 * database ({@code fresh}) also until its accounts exist.
	 */
	static PortalProcess start(String name, Path dataDir, List<String> args, boolean fresh) throws Exception {
		int port = freePort();
		Path log = DrillFiles.DIR.resolve("logs").resolve(name + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port,
						"--portal.data-dir=" + dataDir, "--portal.secret-key=" + SECRET_KEY,
						"--portal.admin-password=" + ADMIN_PASSWORD, "--portal.waldur.connect-timeout=1s",
						"--portal.waldur.read-timeout=3s"));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		PortalProcess portal = new PortalProcess(process, log, port);
		portal.awaitStarted();
		if (fresh) {
			portal.awaitLog("Created sandbox demo account 'auditor'", Duration.ofSeconds(60));
		}
		return portal;
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Waits until the log contains {@code text}; fails after {@code timeout}. */
	void awaitLog(String text, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!Files.readString(this.log).contains(text)) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new AssertionError("'" + text + "' not logged by " + this.log.getFileName());
			}
			Thread.sleep(10);
		}
	}

	/** Kills the process with SIGKILL, as a crash would. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

	private void awaitStarted() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			if (Files.readString(this.log).contains("Started PortalApplication")) {
				return;
			}
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new AssertionError("The portal did not start; see " + this.log);
			}
			Thread.sleep(250);
		}
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("drills.jar", "target/waldur-onboarding-portal-0.1.0-SNAPSHOT.jar"));
		if (!Files.exists(jar)) {
			throw new IllegalStateException("Package the portal first: " + jar + " is missing");
		}
		return jar;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
