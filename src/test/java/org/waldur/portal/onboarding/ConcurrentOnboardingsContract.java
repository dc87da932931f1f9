package org.waldur.portal.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditEntry;
import org.waldur.portal.audit.AuditLog;
import org.waldur.portal.audit.IntegrityReport;
import org.waldur.portal.desk.DeskEvents;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboardings changed at the same moment never deadlock: a transaction writes its audit
 * entries, and so locks the head of the audit chain, only after all its other writes. Run
 * on H2 and on PostgreSQL by the subclasses.
 */
abstract class ConcurrentOnboardingsContract {

	static final int THREADS = 18;

	static final int ROUNDS = 2;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	OnboardingSessions sessions;

	@Autowired
	SandboxSeed seed;

	@Autowired
	AuditLog audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	ExecutorService pool;

	OnboardingDriver driver;

	@BeforeEach
	void setUp() {
		this.pool = Executors.newFixedThreadPool(THREADS);
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void shutdown() {
		this.pool.shutdownNow();
	}

	@Test
	void aTransactionHoldingASessionRowDoesNotDeadlockWithOneAboutToWriteIt() throws Exception {
		long id = this.driver.prepared("Lock order", "lock_order_agent", OnboardingDriver.OPERATOR);
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch rowLocked = new CountDownLatch(1);
		// As when a step is recorded: the session is changed in memory, the audit event
		// published, and the session row written only when the transaction commits.
		Future<?> first = this.pool.submit(() -> this.transactions.executeWithoutResult((status) -> {
			OnboardingSession session = this.sessions.findById(id).orElseThrow();
			session.assignTo("support", Instant.now());
			this.events.publishEvent(new OnboardingEvents.Assigned(id, "support", "operator", "first"));
			recorded.countDown();
			await(rowLocked);
		}));
		// Meanwhile another transaction writes the same row first, then records an entry.
		Future<?> second = this.pool.submit(() -> {
			await(recorded);
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("update onboarding_session set title = title where id = ?").param(id).update();
				rowLocked.countDown();
				this.events.publishEvent(new DeskEvents.NoteAdded(id, "support", "second"));
			});
		});
		second.get(60, TimeUnit.SECONDS);
		first.get(60, TimeUnit.SECONDS);
		assertThat(this.audit.sessionTrail(id)).extracting(AuditEntry::getAction)
			.endsWith(AuditAction.SESSION_NOTE_ADDED, AuditAction.SESSION_ASSIGNED);
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getAssignee()).isEqualTo("support");
		IntegrityReport report = this.audit.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	@Test
	void manyOnboardingsRunningStepsAndSavingAtOnceAllFinish() throws Exception {
		String prefix = getClass().getSimpleName().replace("Tests", "");
		List<Long> ids = Collections.synchronizedList(new ArrayList<>());
		for (int round = 0; round < ROUNDS; round++) {
			CyclicBarrier start = new CyclicBarrier(THREADS);
			List<Callable<Long>> onboardings = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				String name = prefix + " " + round + "-" + thread;
				String username = "c" + round + "_" + thread + "_agent";
				onboardings.add(() -> {
					start.await(60, TimeUnit.SECONDS);
					return onboard(name, username);
				});
			}
			for (Future<Long> onboarded : this.pool.invokeAll(onboardings)) {
				ids.add(onboarded.get());
			}
		}
		for (long id : ids) {
			OnboardingSession session = this.onboarding.get(id, OnboardingDriver.SUPPORT);
			assertThat(OnboardingStep.wizard())
				.allSatisfy((step) -> assertThat(session.step(step).getStatus()).as("%s of onboarding %d", step, id)
					.isEqualTo(StepStatus.DONE));
			assertThat(session.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
			assertThat(this.audit.sessionTrail(id)).extracting(AuditEntry::getAction).containsExactly(expectedTrail());
		}
		IntegrityReport report = this.audit.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	/** Saves the inputs, then runs every step, handing the onboarding over in between. */
	private long onboard(String name, String username) {
		long id = this.driver.prepared(name, username, OnboardingDriver.OPERATOR);
		List<OnboardingStep> steps = OnboardingStep.wizard();
		for (int i = 0; i < steps.size(); i++) {
			StepAttempt attempt = this.driver.run(id, steps.get(i), OnboardingDriver.OPERATOR);
			assertThat(attempt.getOutcome().isSuccess()).as("%s: %s", steps.get(i), attempt.getMessage()).isTrue();
			if (i < steps.size() - 1) {
				this.onboarding.assign(id, (i % 2 == 0) ? "support" : "operator", "step " + i,
						OnboardingDriver.OPERATOR);
			}
		}
		return id;
	}

	private static AuditAction[] expectedTrail() {
		List<AuditAction> trail = new ArrayList<>(List.of(AuditAction.SESSION_CREATED, AuditAction.INPUTS_SAVED,
				AuditAction.INPUTS_SAVED, AuditAction.INPUTS_SAVED));
		for (int i = 0; i < OnboardingStep.wizard().size() - 1; i++) {
			trail.add(AuditAction.STEP_ATTEMPTED);
			trail.add(AuditAction.SESSION_ASSIGNED);
		}
		trail.add(AuditAction.STEP_ATTEMPTED);
		trail.add(AuditAction.SESSION_COMPLETED);
		return trail.toArray(AuditAction[]::new);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
