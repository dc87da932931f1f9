package org.waldur.portal.onboarding;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole onboarding through the service against the sandbox, and the rules of the
 * session's state machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OnboardingFlowTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@Test
	void completesTheWholeOnboardingAgainstTheSandbox() {
		long id = this.driver.prepared("Flow Cluster", "flow_agent", OnboardingDriver.OPERATOR);
		OnboardingSession session = this.driver.complete(id, OnboardingDriver.OPERATOR);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(session.getOfferingState()).isEqualTo("Active");
		assertThat(session.getOfferingUuid()).isNotBlank();
		assertThat(session.getUserUuid()).isNotBlank();
		assertThat(session.getPlanUuids()).hasSize(1);
		assertThat(session.hasServiceToken()).isTrue();
		assertThat(this.onboarding.attempts(id, OnboardingDriver.OPERATOR)).hasSize(7)
			.allMatch((attempt) -> attempt.getOutcome() == AttemptOutcome.SUCCEEDED);
		assertThat(offerings("Flow Cluster")).isEqualTo(1);
		String token = this.onboarding.revealToken(id, OnboardingDriver.OPERATOR);
		assertThat(token).hasSize(40);
		assertThat(this.jdbc.sql("select service_token_secret from onboarding_session where id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("v1:").doesNotContain(token);
		assertThat(this.jdbc.sql("select count(*) from onboarding_step_attempt where response_body like ?")
			.param("%" + token + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refreshReplacesTheTokenAndTheOldOneStopsWorking() {
		long id = this.driver.prepared("Refresh Cluster", "refresh_agent", OnboardingDriver.OPERATOR);
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		String before = this.onboarding.revealToken(id, OnboardingDriver.OPERATOR);
		StepAttempt refresh = this.driver.run(id, OnboardingStep.TOKEN_REFRESH, OnboardingDriver.OPERATOR);
		assertThat(refresh.getOutcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(refresh.getResponseStatus()).isEqualTo(201);
		String after = this.onboarding.revealToken(id, OnboardingDriver.OPERATOR);
		assertThat(after).isNotEqualTo(before).hasSize(40);
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getStatus())
			.isEqualTo(OnboardingStatus.COMPLETED);
	}

	@Test
	void stepsRunOnlyInOrderAndDoneStepsCannotRunAgain() {
		long id = this.driver.prepared("Order Cluster", "order_agent", OnboardingDriver.OPERATOR);
		assertThatThrownBy(() -> this.driver.run(id, OnboardingStep.ACTIVATION, OnboardingDriver.OPERATOR))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("Earlier steps");
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThatThrownBy(() -> this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("already done");
		assertThatThrownBy(() -> this.onboarding.saveOffering(id, this.driver.version(id),
				this.driver.offering("Renamed"), null, false, OnboardingDriver.OPERATOR))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("can no longer be edited");
		assertThat(offerings("Order Cluster")).isEqualTo(1);
	}

	@Test
	void staleVersionIsRefusedWithoutCallingWaldur() {
		long id = this.driver.prepared("Stale Cluster", "stale_agent", OnboardingDriver.OPERATOR);
		long stale = this.driver.version(id);
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThatThrownBy(() -> this.onboarding.run(id, OnboardingStep.INTEGRATION, stale,
				this.driver.fingerprint(id, OnboardingStep.INTEGRATION), OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("changed since you opened the page");
		assertThat(this.onboarding.attempts(id, OnboardingDriver.SUPPORT)).hasSize(1);
	}

	@Test
	void operatorsSeeOnlyTheirOwnAndAuditorsChangeNothing() {
		long id = this.driver.prepared("Private Cluster", "private_agent", OnboardingDriver.OPERATOR);
		Viewer other = new Viewer("other-operator", java.util.Set.of(org.waldur.portal.security.Role.OPERATOR));
		assertThatThrownBy(() -> this.onboarding.get(id, other)).isInstanceOf(OnboardingNotFoundException.class);
		assertThat(this.onboarding.get(id, OnboardingDriver.AUDITOR).getId()).isEqualTo(id);
		assertThatThrownBy(() -> this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.AUDITOR))
			.isInstanceOf(OnboardingAccessDeniedException.class);
		assertThat(this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.SUPPORT).getOutcome())
			.isEqualTo(AttemptOutcome.SUCCEEDED);
	}

	@Test
	void abandonKeepsWhatExistsInWaldurAndStopsTheSession() {
		long id = this.driver.prepared("Abandoned Cluster", "abandoned_agent", OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		this.onboarding.abandon(id, this.driver.version(id), "Provider withdrew", OnboardingDriver.OPERATOR);
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.ABANDONED);
		assertThat(session.getAbandonedReason()).isEqualTo("Provider withdrew");
		assertThat(offerings("Abandoned Cluster")).isEqualTo(1);
		assertThatThrownBy(() -> this.driver.run(id, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR))
			.isInstanceOf(StepNotRunnableException.class);
	}

	long offerings(String name) {
		return this.jdbc.sql("select count(*) from sandbox_offering where name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

}
