package org.waldur.portal.web;

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
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of page loads must not queue sign-in and the home page behind it: beyond
 * {@code portal.pages.max-concurrent} running and {@code max-waiting} waiting, page loads
 * are answered "the portal is busy" at once, and the uncounted pages keep answering. Here
 * two places, one waiting place, and offering pages that each wait 8 s for Waldur.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.pages.max-concurrent=2", "portal.pages.max-waiting=1", "portal.pages.max-wait=200ms",
				"portal.waldur.page-read-timeout=9s" })
class PageLoadLimitTests {

	static final Duration DELAY = Duration.ofSeconds(8);

	/**
	 * "At once", with room for a busy machine; without the limit these wait
	 * {@link #DELAY}.
	 */
	static final Duration AT_ONCE = Duration.ofSeconds(3);

	static final Viewer OPERATOR = new Viewer("operator", java.util.Set.of(Role.OPERATOR));

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxCallLog calls;

	@LocalServerPort
	int port;

	private final ExecutorService background = Executors.newCachedThreadPool();

	@AfterEach
	void clearFaults() {
		this.faults.clear();
		this.background.shutdownNow();
	}

	@Test
	void pageLoadsBeyondThePlacesAreRefusedAtOnceWhileSignInAndHomeAnswer() throws Exception {
		PortalHttp operator = new PortalHttp("http://127.0.0.1:" + this.port);
		assertThat(operator.login("operator", "sandbox-demo").statusCode()).isEqualTo(302);
		long id = this.onboarding.start(OPERATOR).getId();
		String offering = "/onboarding/" + id + "/steps/offering";
		assertThat(operator.get("/onboarding/" + id + "/steps/integration").statusCode()).isEqualTo(200);
		this.faults.delay("GET", "customers/*", DELAY, 10);

		List<CompletableFuture<Timed>> held = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			held.add(CompletableFuture.supplyAsync(() -> Timed.get(operator, offering), this.background));
		}
		awaitHeld("customers", 2);
		List<Timed> extra = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			extra.add(Timed.get(operator, offering));
		}
		Timed login = Timed.get(new PortalHttp("http://127.0.0.1:" + this.port), "/login");
		Timed home = Timed.get(operator, "/");
		long stillHeld = held.stream().filter((load) -> !load.isDone()).count();

		assertThat(stillHeld).as("page loads still waiting for Waldur").isEqualTo(2);
		assertThat(extra).allSatisfy((answer) -> {
			assertThat(answer.response().statusCode()).isEqualTo(503);
			assertThat(answer.response().body()).contains(PageLoadLimit.BUSY_MESSAGE).contains("nothing was changed");
			assertThat(answer.response().headers().firstValue("Retry-After")).hasValue("5");
			assertThat(answer.took()).isLessThan(AT_ONCE);
		});
		assertThat(login.response().statusCode()).isEqualTo(200);
		assertThat(login.took()).isLessThan(AT_ONCE);
		assertThat(home.response().statusCode()).isEqualTo(200);
		assertThat(home.took()).isLessThan(AT_ONCE);

		assertThat(held.stream().map(CompletableFuture::join))
			.allSatisfy((answer) -> assertThat(answer.response().statusCode()).isEqualTo(200));
		this.faults.clear();
		assertThat(Timed.get(operator, offering).response().statusCode()).as("places are given back").isEqualTo(200);
	}

	private void awaitHeld(String path, int count) throws InterruptedException {
		long started = System.nanoTime();
		while (this.calls.heldNow(path) < count && System.nanoTime() - started < DELAY.toNanos()) {
			Thread.sleep(20);
		}
		assertThat(this.calls.heldNow(path)).as("delayed calls held by the sandbox").isEqualTo(count);
	}

	record Timed(HttpResponse<String> response, Duration took) {

		static Timed get(PortalHttp http, String path) {
			long started = System.nanoTime();
			try {
				HttpResponse<String> response = http.get(path);
				return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
