package org.waldur.portal.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.drills.PortalHttp;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests at once in one browser session (parallel page loads right after sign-in,
 * double-clicks on a form) all get an answer: none fails while the stored session is
 * written. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ConcurrentSessionRequestsContract {

	static final int THREADS = 8;

	static final int ROUNDS = 10;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	ExecutorService pool;

	@BeforeEach
	void pool() {
		this.pool = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void shutdown() {
		this.pool.shutdownNow();
	}

	@Test
	void parallelPagesRightAfterSignInAllAnswer() throws Exception {
		List<String> failures = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			PortalHttp browser = signedIn();
			failures.addAll(atOnce(browser, (i) -> browser.get((i % 2 == 0) ? "/" : "/onboarding")));
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void parallelFormPostsInOneSessionAllAnswer() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		List<String> failures = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			long id = driver.prepared("Parallel " + getClass().getSimpleName() + " " + round, "parallel_agent_" + round,
					OnboardingDriver.OPERATOR);
			PortalHttp browser = signedIn();
			browser.get("/onboarding/" + id + "/summary");
			String version = Long.toString(driver.version(id));
			// A refused abandon (reason too long) only leaves a flash message in the
			// session.
			failures.addAll(atOnce(browser, (i) -> browser.post("/onboarding/" + id + "/abandon",
					Map.of("version", version, "reason", "x".repeat(1001)))));
			failures.addAll(atOnce(browser, (i) -> browser.get("/onboarding/" + id + "/summary")));
			// A double-click on a step: one run, the others are told it is running or
			// done.
			failures.addAll(atOnce(browser,
					(i) -> browser.post("/onboarding/" + id + "/steps/offering/run", Map.of("version", version))));
			failures.addAll(atOnce(browser, (i) -> browser.get("/onboarding/" + id + "/steps/offering")));
		}
		assertThat(failures).isEmpty();
	}

	private PortalHttp signedIn() throws Exception {
		PortalHttp browser = new PortalHttp("http://127.0.0.1:" + this.port);
		HttpResponse<String> signIn = browser.login("operator", "sandbox-demo");
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
		return browser;
	}

	/** Sends {@link #THREADS} requests at the same moment; returns those that failed. */
	private List<String> atOnce(PortalHttp browser, Request request) throws Exception {
		CyclicBarrier start = new CyclicBarrier(THREADS);
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			int index = i;
			calls.add(() -> {
				start.await(30, TimeUnit.SECONDS);
				HttpResponse<String> response = request.send(index);
				return (response.statusCode() >= 500)
						? response.request().method() + " " + response.uri().getPath() + " " + response.statusCode()
						: null;
			});
		}
		List<String> failures = new ArrayList<>();
		for (Future<String> result : this.pool.invokeAll(calls)) {
			String failure = result.get();
			if (failure != null) {
				failures.add(failure);
			}
		}
		return failures;
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send(int index) throws Exception;

	}

}
