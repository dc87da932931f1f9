package org.waldur.portal.drills;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency drill: 20 operators drive their own onboardings in parallel while two
 * people submit every changing step of one shared onboarding at the same instant. The
 * only refusals are "already running / changed at the same moment", each applied step
 * reached Waldur exactly once, and no update was lost. Writes
 * {@code target/drills/concurrency.md}.
 */
@Tag("drill")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyDrillIT {

	static final int USERS = 20;

	static final List<OnboardingStep> CHANGES = List.of(OnboardingStep.OFFERING, OnboardingStep.INTEGRATION,
			OnboardingStep.ACTIVATION, OnboardingStep.SERVICE_ACCOUNT, OnboardingStep.MANAGER_ROLE);

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void twentyUsersAndOneDoubleSubmissionLoseNothingAndDuplicateNothing() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		long position = this.calls.position();
		List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger expectedRefusals = new AtomicInteger();
		long shared = driver.prepared("Shared Load", "shared_load_agent", OnboardingDriver.OPERATOR);
		ExecutorService pool = Executors.newFixedThreadPool(USERS + 2);
		long started = System.nanoTime();
		List<Future<Long>> onboardings = new ArrayList<>();
		try {
			for (int i = 1; i <= USERS; i++) {
				Viewer viewer = new Viewer("load_op_" + i, Set.of(Role.OPERATOR));
				int n = i;
				onboardings.add(pool.submit(() -> {
					long id = driver.prepared("Load " + n, "load_agent_" + n, viewer);
					driver.complete(id, viewer);
					return id;
				}));
			}
			for (OnboardingStep step : CHANGES) {
				doubleSubmit(pool, driver, shared, step, unexpected, expectedRefusals);
			}
			for (Future<Long> future : onboardings) {
				try {
					future.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					unexpected.add(String.valueOf(ex.getCause()));
				}
			}
			driver.complete(shared, OnboardingDriver.SUPPORT);
		}
		finally {
			pool.shutdownNow();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		List<SandboxCallLog.Call> all = this.calls.since(position);
		long applied = all.stream().filter(SandboxCallLog.Call::changed).count();
		int sessions = USERS + 1;
		long completed = this.jdbc
			.sql("select count(*) from onboarding_session where status = 'COMPLETED' and "
					+ "(created_by like 'load_op_%' or id = ?)")
			.param(shared)
			.query(Long.class)
			.single();
		long lostAttempts = this.jdbc
			.sql("select count(*) from onboarding_step s join onboarding_session o on o.id = s.session_id "
					+ "where (o.created_by like 'load_op_%' or o.id = ?) and s.step <> 'TOKEN_REFRESH' "
					+ "and s.status <> 'DONE'")
			.param(shared)
			.query(Long.class)
			.single();
		long offerings = count(
				"select count(*) from sandbox_offering where name like 'Load %' or name = 'Shared Load'");
		long users = count("select count(*) from sandbox_user where username like '%load_agent%'");
		long duplicates = (applied - (long) CHANGES.size() * sessions) + (offerings - sessions) + (users - sessions);
		DrillFiles.write("concurrency.md",
				"""
						# Concurrency

						| Figure | Value |
						|---|---|
						| parallel users | %d (+2 submitting the same step of one onboarding, for each of 5 steps) |
						| onboardings completed | %d / %d |
						| sandbox calls counted | %d |
						| changes applied in Waldur | %d (expected %d: 5 per onboarding) |
						| expected refusals ("already running" / "at the same moment") | %d of 5 double submissions |
						| unexpected errors | %d |
						| steps not done (lost updates) | %d |
						| offerings / users in Waldur | %d / %d (expected %d each) |
						| duplicates found | %d |
						| time | %d ms |
						""".formatted(USERS, completed, sessions, all.size(), applied, (long) CHANGES.size() * sessions,
						expectedRefusals.get(), unexpected.size(), lostAttempts, offerings, users, sessions, duplicates,
						millis));
		assertThat(unexpected).isEmpty();
		assertThat(expectedRefusals.get()).isEqualTo(CHANGES.size());
		assertThat(completed).isEqualTo(sessions);
		assertThat(lostAttempts).isZero();
		assertThat(applied).isEqualTo((long) CHANGES.size() * sessions);
		assertThat(offerings).isEqualTo(sessions);
		assertThat(users).isEqualTo(sessions);
		assertThat(duplicates).isZero();
	}

	private void doubleSubmit(ExecutorService pool, OnboardingDriver driver, long id, OnboardingStep step,
			List<String> unexpected, AtomicInteger refusals) throws Exception {
		long version = driver.version(id);
		String fingerprint = driver.fingerprint(id, step);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> results = new ArrayList<>();
		for (Viewer viewer : List.of(OnboardingDriver.OPERATOR, OnboardingDriver.SUPPORT)) {
			Callable<Object> submit = () -> {
				start.await();
				try {
					return this.onboarding.run(id, step, version, fingerprint, viewer);
				}
				catch (StepNotRunnableException ex) {
					return ex;
				}
			};
			results.add(pool.submit(submit));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Object> future : results) {
			Object result = future.get();
			if (result instanceof StepNotRunnableException ex) {
				String message = ex.getMessage();
				if (message.contains("already running") || message.contains("at the same moment")
						|| message.contains("changed since")) {
					refusals.incrementAndGet();
				}
				else {
					unexpected.add(step + ": " + message);
				}
			}
			else if (result instanceof org.waldur.portal.onboarding.StepAttempt attempt
					&& attempt.getOutcome().isSuccess()) {
				succeeded++;
			}
			else {
				unexpected.add(step + ": " + result);
			}
		}
		if (succeeded != 1) {
			unexpected.add(step + ": " + succeeded + " submissions succeeded");
		}
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(session.getStatus()).isIn(OnboardingStatus.IN_PROGRESS, OnboardingStatus.COMPLETED);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
