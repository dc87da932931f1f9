package org.waldur.portal.onboarding;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.FaultKind;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.WaldurAuthorizationException;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waldur keeps working on a request after the portal stopped waiting, and applies it
 * late. Within the settle time after such a request the portal only looks Waldur up;
 * after it, it adopts what landed or sends again, so no retry creates a second offering
 * or leaves the portal holding a token Waldur no longer accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.waldur.read-timeout=1s", "portal.waldur.settle-time=6s" })
@AutoConfigureMockMvc
class LateLandingTests {

	/** Longer than the read time-out, shorter than the settle time. */
	static final Duration LATE = Duration.ofSeconds(4);

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	WaldurClient waldur;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

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

	@Test
	void checksRightAfterATimeOutSendNothingAndTheLateOfferingIsAdopted() throws Exception {
		// Found: pressed at once, the look-up found nothing yet and a second offering was
		// created before the first landed.
		String name = "Late Offering " + (++counter);
		long id = this.driver.prepared(name, "late_agent_" + counter, OnboardingDriver.OPERATOR);
		this.faults.delay("POST", "marketplace-provider-offerings/", LATE, 1);
		assertThat(this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR).getOutcome())
			.isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		OnboardingSession unknown = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(unknown.step(OnboardingStep.OFFERING).getSettlesAt()).isAfter(Instant.now());
		assertThat(this.onboarding.isSettling(unknown, OnboardingStep.OFFERING)).isTrue();

		// Pressed at once and again and again while Waldur is still working on it.
		long position = this.calls.position();
		for (int i = 0; i < 2; i++) {
			StepAttempt check = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.SUPPORT);
			assertThat(check.getOutcome()).isEqualTo(AttemptOutcome.PENDING);
			assertThat(check.getMessage()).contains("sending again is not", "nothing was sent");
			assertThat(check.getHttpMethod()).isEqualTo("GET");
			Thread.sleep(300);
		}
		assertThat(this.calls.count(position, LateLandingTests::sentByAPress)).isZero();
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("support").roles("SUPPORT")))
			.andExpect(content().string(containsString("id=\"settling\"")))
			.andExpect(content().string(containsString("checking is possible, sending again is not")))
			.andExpect(content().string(containsString("Check Waldur (nothing is sent)")));
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).step(OnboardingStep.OFFERING).getStatus())
			.isEqualTo(StepStatus.NEEDS_RECONCILIATION);

		StepAttempt adopted = this.driver.runSettled(id, OnboardingStep.OFFERING, OnboardingDriver.SUPPORT);
		assertThat(adopted.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(offerings(name)).isEqualTo(1);
		assertThat(this.driver.complete(id, OnboardingDriver.SUPPORT).getStatus())
			.isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(offerings(name)).isEqualTo(1);
	}

	@Test
	void eachChangingStepSurvivesALateLandingWithExactlyOneResult() {
		for (OnboardingStep step : new OnboardingStep[] { OnboardingStep.INTEGRATION, OnboardingStep.ACTIVATION,
				OnboardingStep.SERVICE_ACCOUNT, OnboardingStep.MANAGER_ROLE }) {
			String name = "Late " + step + " " + (++counter);
			String username = "late_" + step.name().toLowerCase() + "_" + counter;
			long id = this.driver.prepared(name, username, OnboardingDriver.OPERATOR);
			for (OnboardingStep earlier : step.prerequisites()) {
				assertThat(this.driver.run(id, earlier, OnboardingDriver.OPERATOR).getOutcome().isSuccess()).isTrue();
			}
			String path = switch (step) {
				case INTEGRATION -> "*/update_integration/";
				case ACTIVATION -> "*/activate/";
				case SERVICE_ACCOUNT -> "users/";
				default -> "*/add_user/";
			};
			this.faults.delay("POST", path, LATE, 1);
			assertThat(this.driver.run(id, step, OnboardingDriver.OPERATOR).getOutcome()).as(step.name())
				.isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
			long position = this.calls.position();
			assertThat(this.driver.run(id, step, OnboardingDriver.OPERATOR).getOutcome()).as(step.name())
				.isIn(AttemptOutcome.PENDING, AttemptOutcome.RECONCILED);
			assertThat(this.calls.count(position, LateLandingTests::sentByAPress)).as(step.name()).isZero();
			assertThat(this.driver.runSettled(id, step, OnboardingDriver.OPERATOR).getOutcome()).as(step.name())
				.isEqualTo(AttemptOutcome.RECONCILED);
			assertThat(this.driver.complete(id, OnboardingDriver.OPERATOR).getStatus())
				.isEqualTo(OnboardingStatus.COMPLETED);
			assertThat(offerings(name)).isEqualTo(1);
			assertThat(count("select count(*) from sandbox_user where username = ?", username)).isEqualTo(1);
			assertThat(count("select count(*) from sandbox_offering_role r join sandbox_offering o "
					+ "on o.uuid = r.offering_uuid where o.name = ?", name))
				.isEqualTo(1);
		}
	}

	@Test
	void aRefreshThatLandsLateIsAdoptedAndTheHeldTokenWorks() throws Exception {
		long id = completed();
		String before = heldToken(id);
		this.faults.delay("POST", "users/*/refresh_token/", LATE, 1);
		assertThat(refresh(id).getOutcome()).isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		OnboardingSession unknown = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(unknown.getStatus()).isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		assertThat(unknown.step(OnboardingStep.TOKEN_REFRESH).mustReconcile()).isTrue();

		// Checked at once: Waldur still holds the old token, which proves nothing yet;
		// nothing is adopted and nothing is sent.
		long position = this.calls.position();
		StepAttempt early = refresh(id);
		assertThat(early.getOutcome()).isEqualTo(AttemptOutcome.PENDING);
		assertThat(this.calls.count(position, LateLandingTests::sentByAPress)).isZero();
		assertThat(heldToken(id)).isEqualTo(before);

		StepAttempt checked = this.driver.runSettled(id, OnboardingStep.TOKEN_REFRESH, OnboardingDriver.SUPPORT);
		assertThat(checked.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(checked.getMessage()).contains("was applied");
		String after = heldToken(id);
		assertThat(after).isNotEqualTo(before);
		assertThat(this.waldur.currentUser(WaldurCredential.serviceAccount(after)).value().username())
			.startsWith("refresh_agent_");
		assertThatThrownBy(() -> this.waldur.currentUser(WaldurCredential.serviceAccount(before)))
			.isInstanceOf(WaldurAuthorizationException.class);
		OnboardingSession resolved = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(resolved.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(resolved.step(OnboardingStep.TOKEN_REFRESH).getStatus()).isEqualTo(StepStatus.DONE);
	}

	@Test
	void anUnclearRefreshStaysOnTheSummaryAndTheDeskUntilChecked() throws Exception {
		long id = completed();
		this.faults.failWith("POST", "users/*/refresh_token/", 502, 1);
		assertThat(refresh(id).getOutcome()).isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		for (int view = 0; view < 2; view++) {
			this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("support").roles("SUPPORT")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"refresh-uncertain\"")))
				.andExpect(content().string(containsString("id=\"check-refresh\"")))
				.andExpect(content().string(not(containsString("id=\"refresh-token\""))));
		}
		this.mvc.perform(get("/onboarding").param("attention", "true").with(user("support").roles("SUPPORT")))
			.andExpect(content().string(containsString("id=\"session-" + id + "\"")));
		this.driver.runSettled(id, OnboardingStep.TOKEN_REFRESH, OnboardingDriver.SUPPORT);
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("support").roles("SUPPORT")))
			.andExpect(content().string(not(containsString("id=\"refresh-uncertain\""))))
			.andExpect(content().string(containsString("id=\"refresh-token\"")));
	}

	@Test
	void aRefreshRefusedWithA500IsCheckedFoundNotAppliedAndCanBeSentAgain() {
		long id = completed();
		String before = heldToken(id);
		this.faults.failWith("POST", "users/*/refresh_token/", 500, 1);
		assertThat(refresh(id).getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).step(OnboardingStep.TOKEN_REFRESH).getStatus())
			.isEqualTo(StepStatus.NEEDS_RECONCILIATION);

		StepAttempt check = refresh(id);
		assertThat(check.getOutcome()).isEqualTo(AttemptOutcome.NOT_APPLIED);
		assertThat(check.getMessage()).contains("was not applied", "Refresh again");
		assertThat(heldToken(id)).isEqualTo(before);
		OnboardingSession checked = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(checked.step(OnboardingStep.TOKEN_REFRESH).getStatus()).isEqualTo(StepStatus.TODO);
		assertThat(checked.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);

		long position = this.calls.position();
		StepAttempt again = refresh(id);
		assertThat(again.getOutcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(this.calls.count(position, (call) -> call.path().endsWith("refresh_token/"))).isEqualTo(1);
		String after = heldToken(id);
		assertThat(after).isNotEqualTo(before);
		assertThat(this.waldur.currentUser(WaldurCredential.serviceAccount(after)).value()).isNotNull();
	}

	@Test
	void aRefreshAppliedButAnsweredWithA500IsFoundAppliedAndAdopted() {
		long id = completed();
		String before = heldToken(id);
		this.faults.applyThenFail("POST", "users/*/refresh_token/", 500, 1);
		assertThat(refresh(id).getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThatThrownBy(() -> this.waldur.currentUser(WaldurCredential.serviceAccount(before)))
			.isInstanceOf(WaldurAuthorizationException.class);
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getStatus())
			.isEqualTo(OnboardingStatus.NEEDS_ATTENTION);

		StepAttempt check = refresh(id);
		assertThat(check.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		String after = heldToken(id);
		assertThat(this.waldur.currentUser(WaldurCredential.serviceAccount(after)).value()).isNotNull();
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
	}

	@Test
	void aConfirmationOfAnotherRequestIsRefusedAndNothingIsSent() {
		String name = "Reviewed " + (++counter);
		long id = this.driver.prepared(name, "reviewed_agent_" + counter, OnboardingDriver.OPERATOR);
		String reviewed = this.driver.fingerprint(id, OnboardingStep.OFFERING);
		OfferingInput edited = this.driver.offering(name + " renamed");
		this.onboarding.saveOffering(id, this.driver.version(id), edited, null, false, OnboardingDriver.SUPPORT);
		long position = this.calls.position();
		for (long version : new long[] { this.driver.version(id) - 1, this.driver.version(id) }) {
			assertThatThrownBy(() -> this.onboarding.run(id, OnboardingStep.OFFERING, version, reviewed,
					OnboardingDriver.OPERATOR))
				.isInstanceOf(StepNotRunnableException.class)
				.hasMessageContaining("changed since you reviewed it");
		}
		assertThat(this.calls.since(position)).isEmpty();
		assertThat(this.onboarding.attempts(id, OnboardingDriver.OPERATOR)).isEmpty();
		assertThat(this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR).getOutcome())
			.isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(offerings(name + " renamed")).isEqualTo(1);
		assertThat(offerings(name)).isZero();
	}

	/**
	 * A change call sent after the first attempt; the first attempt's own call, landing
	 * late, is logged when it lands and carries the delay fault.
	 */
	private static boolean sentByAPress(SandboxCallLog.Call call) {
		return !"GET".equals(call.method()) && call.fault() != FaultKind.DELAY;
	}

	private long completed() {
		int n = ++counter;
		long id = this.driver.prepared("Refresh " + n, "refresh_agent_" + n, OnboardingDriver.OPERATOR);
		assertThat(this.driver.complete(id, OnboardingDriver.OPERATOR).getStatus())
			.isEqualTo(OnboardingStatus.COMPLETED);
		return id;
	}

	private StepAttempt refresh(long id) {
		return this.driver.run(id, OnboardingStep.TOKEN_REFRESH, OnboardingDriver.SUPPORT);
	}

	private String heldToken(long id) {
		return this.onboarding.useServiceToken(id, OnboardingDriver.SUPPORT, (token) -> token);
	}

	private long offerings(String name) {
		return count("select count(*) from sandbox_offering where name = ?", name);
	}

	private long count(String sql, String value) {
		return this.jdbc.sql(sql).param(value).query(Long.class).single();
	}

}
