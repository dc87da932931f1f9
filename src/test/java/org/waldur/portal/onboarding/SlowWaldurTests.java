package org.waldur.portal.onboarding;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.drills.PortalHttp;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow Waldur must not starve the portal: calls beyond the limit are refused at once
 * with a clear message, and pages that need no Waldur keep answering. The web server has
 * a small thread pool here so that, without the limit, the in-process sandbox would be
 * starved by the portal's own requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=40", "portal.waldur.max-concurrent-calls=" + SlowWaldurTests.LIMIT,
				"portal.waldur.page-read-timeout=5s" })
class SlowWaldurTests {

	static final int LIMIT = 8;

	/** Longer than the page-read time-out (5 s), so page-time reads end by timing out. */
	static final Duration DELAY = Duration.ofSeconds(8);

	static final Duration PAGE_READ_TIMEOUT = Duration.ofSeconds(5);

	static final String BUSY = "Waldur is busy";

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	SandboxFaults faults;

	@Autowired
	WaldurClient waldur;

	@LocalServerPort
	int port;

	private final ExecutorService background = Executors.newCachedThreadPool();

	@AfterEach
	void clearFaults() {
		this.faults.clear();
		this.background.shutdownNow();
	}

	@Test
	void offeringPagesBeyondTheLimitAreRefusedAtOnceAndSignInStaysFast() throws Exception {
		PortalHttp operator = new PortalHttp("http://127.0.0.1:" + this.port);
		assertThat(operator.login("operator", "sandbox-demo").statusCode()).isEqualTo(302);
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		// One step page first: concurrent first requests of a session race to store its
		// CSRF token, and the first page rendered is slow.
		assertThat(operator.get("/onboarding/" + id + "/steps/integration").statusCode()).isEqualTo(200);
		this.faults.delay("GET", "customers/*", DELAY, 100);
		long before = this.calls.position();

		List<CompletableFuture<Timed>> loads = new ArrayList<>();
		for (int i = 0; i < LIMIT + 20; i++) {
			loads.add(CompletableFuture.supplyAsync(() -> timed(operator, "/onboarding/" + id + "/steps/offering"),
					this.background));
		}
		awaitHeld("customers", LIMIT);
		awaitDone(loads, 20);
		Timed login = timed(new PortalHttp("http://127.0.0.1:" + this.port), "/login");
		long stillWaiting = loads.stream().filter((load) -> !load.isDone()).count();

		System.out.println("Sign-in page answered in " + login.took().toMillis() + " ms");
		assertThat(login.response().statusCode()).isEqualTo(200);
		assertThat(login.took()).as("sign-in page while Waldur is slow").isLessThan(Duration.ofSeconds(1));
		assertThat(stillWaiting).as("page loads still waiting for Waldur after signing in").isPositive();
		List<Timed> answers = loads.stream().map(CompletableFuture::join).toList();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.response().statusCode()).isEqualTo(200));
		List<Timed> refused = answers.stream().filter((answer) -> answer.response().body().contains(BUSY)).toList();
		assertThat(refused).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy((answer) -> assertThat(answer.took()).isLessThan(PAGE_READ_TIMEOUT));
		assertThat(this.calls.count(before, (call) -> call.path().startsWith("customers"))).isLessThanOrEqualTo(LIMIT);
	}

	@Test
	void aStepRunRefusedForTheLimitIsAPlainFailureThatSentNothing() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		long id = driver.prepared("Busy Cluster", "busy_agent", OnboardingDriver.OPERATOR);
		this.faults.delay("GET", "users/me/", DELAY, LIMIT);
		List<CompletableFuture<?>> slow = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			slow.add(CompletableFuture.runAsync(() -> this.waldur.currentUser(WaldurCredential.staff()),
					this.background));
		}
		awaitHeld("users/me/", LIMIT);
		long running = this.calls.position();

		StepAttempt attempt = driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);

		assertThat(attempt.getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(attempt.getMessage()).contains(BUSY).contains("nothing was sent");
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(session.step(OnboardingStep.OFFERING).getStatus()).isEqualTo(StepStatus.FAILED);
		assertThat(session.getOfferingUuid()).isNull();
		assertThat(this.calls.since(running)).isEmpty();
		slow.forEach(CompletableFuture::join);
	}

	/** Waits until Waldur holds {@code count} delayed calls below {@code path}. */
	private void awaitHeld(String path, int count) throws InterruptedException {
		long started = System.nanoTime();
		while (this.calls.heldNow(path) < count && System.nanoTime() - started < DELAY.toNanos()) {
			Thread.sleep(20);
		}
	}

	private static void awaitDone(List<? extends CompletableFuture<?>> futures, int count) throws InterruptedException {
		long started = System.nanoTime();
		while (futures.stream().filter(CompletableFuture::isDone).count() < count
				&& System.nanoTime() - started < PAGE_READ_TIMEOUT.toNanos()) {
			Thread.sleep(20);
		}
	}

	private static Timed timed(PortalHttp http, String path) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = http.get(path);
			return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Timed(HttpResponse<String> response, Duration took) {
	}

}
