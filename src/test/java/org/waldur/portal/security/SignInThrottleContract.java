package org.waldur.portal.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guesses sent at once against one account: none answers 500, no more passwords are
 * checked than the limit allows, the right password sent among wrong ones does not sign
 * in once the limit is used up, and the audit log says what happened. Run on H2 and on
 * PostgreSQL by the subclasses, with {@value #LIMIT} free failures per account.
 */
abstract class SignInThrottleContract {

	static final int LIMIT = 3;

	static final String PROPERTIES_LIMIT = "portal.login.max-failures=" + LIMIT;

	/**
	 * Every request comes from 127.0.0.1: the address limit must not be what stops them.
	 */
	static final String PROPERTIES_ADDRESS = "portal.login.max-address-failures=100000";

	static final String PROPERTIES_DELAY = "portal.login.first-delay=1m";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement management;

	@Autowired
	JdbcTemplate jdbc;

	ExecutorService pool;

	@BeforeEach
	void pool() {
		this.pool = Executors.newFixedThreadPool(40);
	}

	@AfterEach
	void shutdown() {
		this.pool.shutdownNow();
	}

	@Test
	void fortyParallelWrongGuessesAnswerWithTheSignInPageAndCheckOnlyTheLimit() throws Exception {
		this.management.create("guessed-" + suffix(), "right-password-of-guessed", Set.of(Role.OPERATOR), "test");
		String name = "guessed-" + suffix();
		List<HttpResponse<String>> answers = atOnce(40, (i) -> "wrong-guess-" + i, name, -1, 0);
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		});
		Map<String, Integer> outcomes = signInOutcomes(name);
		assertThat(outcomes).doesNotContainKey("SUCCESS");
		assertThat(outcomes.getOrDefault("FAILURE", 0)).isEqualTo(LIMIT);
		assertThat(outcomes.getOrDefault("DENIED", 0)).isEqualTo(40 - LIMIT);
	}

	@Test
	void theRightPasswordAmongNineteenWrongOnesDoesNotSignIn() throws Exception {
		String name = "raced-" + suffix();
		this.management.create(name, "right-password-of-raced", Set.of(Role.OPERATOR), "test");
		// The right password leaves 300 ms after the wrong ones, while they are still
		// being checked: the lock-out of old counted failures only once bcrypt was done.
		List<HttpResponse<String>> answers = atOnce(20, (i) -> "wrong-guess-" + i, name, 19, 300);
		HttpResponse<String> right = answers.get(19);
		assertThat(right.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(302));
		Map<String, Integer> outcomes = signInOutcomes(name);
		assertThat(outcomes).doesNotContainKey("SUCCESS");
		assertThat(outcomes.getOrDefault("FAILURE", 0)).isEqualTo(LIMIT);
	}

	private String suffix() {
		return getClass().getSimpleName().toLowerCase().replaceAll("[^a-z]", "").substring(0, 10);
	}

	private Map<String, Integer> signInOutcomes(String name) {
		Map<String, Integer> outcomes = new HashMap<>();
		this.jdbc
			.queryForList("select outcome, count(*) as n from audit_entry where action = 'SIGN_IN' and target_id = ? "
					+ "group by outcome", name)
			.forEach((row) -> outcomes.put((String) row.get("outcome"), ((Number) row.get("n")).intValue()));
		return outcomes;
	}

	/**
	 * Signs in {@code count} browsers at the same moment, each with its own sign-in page
	 * and cookies; the one at {@code rightIndex} uses the right password after
	 * {@code rightDelayMillis}.
	 */
	private List<HttpResponse<String>> atOnce(int count, PasswordOf wrong, String name, int rightIndex,
			long rightDelayMillis) throws Exception {
		List<PortalHttp> browsers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			PortalHttp browser = new PortalHttp("http://127.0.0.1:" + this.port);
			browser.get("/login");
			browsers.add(browser);
		}
		CyclicBarrier start = new CyclicBarrier(count);
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			calls.add(() -> {
				start.await(30, TimeUnit.SECONDS);
				String password = wrong.of(index);
				if (index == rightIndex) {
					Thread.sleep(rightDelayMillis);
					password = "right-password-of-" + name.substring(0, name.indexOf('-'));
				}
				return browsers.get(index).post("/login", Map.of("username", name, "password", password));
			});
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : this.pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
			answers.add(answer.get());
		}
		return answers;
	}

	@FunctionalInterface
	private interface PasswordOf {

		String of(int index);

	}

}
