package org.waldur.portal.onboarding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.OfferingRequest;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waldur failures on every step that changes Waldur: the session keeps its inputs, the
 * user gets a clear outcome, and a retry completes the onboarding with exactly one
 * offering, one user and one role in Waldur.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.waldur.read-timeout=1500ms", "portal.waldur.settle-time=4s" })
class OnboardingFaultTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	WaldurClient waldur;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	static int counter;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	/** The steps that change Waldur, with the path their change call uses. */
	static Stream<Arguments> changes() {
		return Stream.of(Arguments.of(OnboardingStep.OFFERING, "marketplace-provider-offerings/"),
				Arguments.of(OnboardingStep.INTEGRATION, "*/update_integration/"),
				Arguments.of(OnboardingStep.ACTIVATION, "*/activate/"),
				Arguments.of(OnboardingStep.SERVICE_ACCOUNT, "users/"),
				Arguments.of(OnboardingStep.MANAGER_ROLE, "*/add_user/"));
	}

	static Stream<Arguments> faultMatrix() {
		List<Arguments> cells = new ArrayList<>();
		changes().forEach((change) -> {
			for (String fault : List.of("400", "500", "502", "timeout", "drop", "applied-then-500")) {
				cells.add(Arguments.of(change.get()[0], change.get()[1], fault));
			}
		});
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("faultMatrix")
	void aRetryAfterAnyFaultCompletesWithoutDuplicates(OnboardingStep step, String path, String fault) {
		String name = "Fault " + (++counter);
		String username = "fault_agent_" + counter;
		long id = this.driver.prepared(name, username, OnboardingDriver.OPERATOR);
		for (OnboardingStep earlier : step.prerequisites()) {
			assertThat(this.driver.run(id, earlier, OnboardingDriver.OPERATOR).getOutcome().isSuccess()).isTrue();
		}
		inject(path, fault);
		StepAttempt failed = this.driver.run(id, step, OnboardingDriver.OPERATOR);
		assertThat(failed.getOutcome().isSuccess()).as("outcome of %s", fault).isFalse();
		assertThat(failed.getMessage()).isNotBlank();
		OnboardingSession afterFailure = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(afterFailure.getStatus()).isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		assertThat(afterFailure.getOfferingInput()).isNotNull();
		assertThat(afterFailure.getAccountInput()).isEqualTo(OnboardingDriver.account(username));
		this.faults.clear();

		OnboardingSession done = this.driver.complete(id, OnboardingDriver.SUPPORT);
		assertThat(done.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(count("select count(*) from sandbox_offering where name = ?", name)).isEqualTo(1);
		assertThat(count("select count(*) from sandbox_user where username = ?", username)).isEqualTo(1);
		assertThat(count(
				"select count(*) from sandbox_offering_role r join sandbox_offering o on o.uuid = r.offering_uuid "
						+ "where o.name = ?",
				name))
			.isEqualTo(1);
	}

	@Test
	void unknownOutcomeIsReconciledByLookUpAndAdopted() {
		long id = this.driver.prepared("Unknown Outcome", "unknown_agent", OnboardingDriver.OPERATOR);
		this.faults.delay("POST", "marketplace-provider-offerings/", Duration.ofSeconds(3), 1);
		StepAttempt unknown = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(unknown.getOutcome()).isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).step(OnboardingStep.OFFERING).getStatus())
			.isEqualTo(StepStatus.NEEDS_RECONCILIATION);
		StepAttempt reconciled = this.driver.runSettled(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(reconciled.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(reconciled.getHttpMethod()).isEqualTo("GET");
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingUuid()).isNotBlank();
		assertThat(count("select count(*) from sandbox_offering where name = ?", "Unknown Outcome")).isEqualTo(1);
	}

	@Test
	void aDifferingOfferingInWaldurStopsForAPersonToDecide() {
		long id = this.driver.prepared("Differing Offering", "differing_agent", OnboardingDriver.OPERATOR);
		this.faults.failWith("POST", "marketplace-provider-offerings/", 504, 1);
		assertThat(this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR).getOutcome())
			.isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		OfferingInput other = this.driver.offering("Differing Offering");
		this.waldur.send(WaldurCalls.createOffering(WaldurCredential.Kind.STAFF,
				new OfferingRequest(other.name(), "Someone else's", java.net.URI.create(other.customerUrl()),
						java.net.URI.create(other.categoryUrl()), List.of(),
						List.of(org.waldur.portal.waldur.OfferingPlanRequest.named("Other plan")), true)));
		StepAttempt decision = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(decision.getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(decision.getMessage()).contains("differs", "A person must decide");
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingUuid()).isNull();
		assertThat(count("select count(*) from sandbox_offering where name = ?", "Differing Offering")).isEqualTo(1);
	}

	@Test
	void aStepInterruptedByARestartIsReconciledWithOneClick() {
		long id = this.driver.prepared("Interrupted", "interrupted_agent", OnboardingDriver.OPERATOR);
		OfferingInput input = this.driver.offering("Interrupted");
		// The portal died after Waldur created the offering and before the result was
		// saved.
		this.waldur.send(WaldurCalls.createOffering(WaldurCredential.Kind.STAFF,
				org.waldur.portal.onboarding.WaldurRequestsAccess.offering(input)));
		this.jdbc.sql(
				"update onboarding_step set status = 'RUNNING', attempts = 1, started_at = ?, running_by = 'operator', "
						+ "running_instance = 'crashed' where session_id = ? and step = 'OFFERING'")
			.param(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(1))))
			.param(id)
			.update();
		assertThat(this.onboarding.interruptStaleRuns()).isEqualTo(1);
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(session.step(OnboardingStep.OFFERING).getStatus()).isEqualTo(StepStatus.NEEDS_RECONCILIATION);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		StepAttempt attempt = this.onboarding.run(id, OnboardingStep.OFFERING, session.getVersion(),
				this.driver.fingerprint(id, OnboardingStep.OFFERING), OnboardingDriver.SUPPORT);
		assertThat(attempt.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(attempt.getAttemptNo()).isEqualTo(2);
		assertThat(this.onboarding.attempts(id, OnboardingDriver.SUPPORT)).extracting(StepAttempt::getOutcome)
			.containsExactly(AttemptOutcome.OUTCOME_UNKNOWN, AttemptOutcome.RECONCILED);
		assertThat(count("select count(*) from sandbox_offering where name = ?", "Interrupted")).isEqualTo(1);
		assertThat(this.driver.complete(id, OnboardingDriver.SUPPORT).getStatus())
			.isEqualTo(OnboardingStatus.COMPLETED);
	}

	@Test
	void twoSimultaneousSubmissionsSendOneRequest() throws Exception {
		long id = this.driver.prepared("Double Click", "double_agent", OnboardingDriver.OPERATOR);
		long version = this.driver.version(id);
		String fingerprint = this.driver.fingerprint(id, OnboardingStep.OFFERING);
		this.faults.delay("POST", "marketplace-provider-offerings/", Duration.ofMillis(800), 1);
		CountDownLatch start = new CountDownLatch(1);
		Callable<Object> submit = () -> {
			start.await();
			try {
				return this.onboarding.run(id, OnboardingStep.OFFERING, version, fingerprint,
						OnboardingDriver.OPERATOR);
			}
			catch (StepNotRunnableException ex) {
				return ex;
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> first = pool.submit(submit);
			Future<Object> second = pool.submit(submit);
			start.countDown();
			List<Object> results = List.of(first.get(), second.get());
			assertThat(results).filteredOn(StepAttempt.class::isInstance).hasSize(1);
			assertThat(results).filteredOn(StepNotRunnableException.class::isInstance)
				.singleElement()
				.extracting((ex) -> ((Exception) ex).getMessage())
				.asString()
				.containsAnyOf("already running", "at the same moment", "changed since");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("select count(*) from sandbox_offering where name = ?", "Double Click")).isEqualTo(1);
		assertThat(this.onboarding.attempts(id, OnboardingDriver.OPERATOR)).hasSize(1);
	}

	private void inject(String path, String fault) {
		switch (fault) {
			case "400" -> this.faults.failWith("POST", path, 400, 1);
			case "500" -> this.faults.failWith("POST", path, 500, 1);
			case "502" -> this.faults.failWith("POST", path, 502, 1);
			case "timeout" -> this.faults.delay("POST", path, Duration.ofSeconds(3), 1);
			case "drop" -> this.faults.dropConnection("POST", path, 1);
			case "applied-then-500" -> this.faults.applyThenFail("POST", path, 500, 1);
			default -> throw new IllegalArgumentException(fault);
		}
	}

	private long count(String sql, String value) {
		return this.jdbc.sql(sql).param(value).query(Long.class).single();
	}

}
