package org.waldur.portal.onboarding;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.FaultKind;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxFixtures;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Registering the organisation as a service provider happens exactly once, also when
 * Waldur answers too late: within the settle time the portal only looks Waldur up, after
 * it adopts the provider that landed, or registers it once when none did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.waldur.read-timeout=1s", "portal.waldur.settle-time=6s" })
@AutoConfigureMockMvc
class ProviderLateLandingTests {

	/** Longer than the read time-out, shorter than the settle time. */
	static final Duration LATE = Duration.ofSeconds(4);

	static final String PROVIDERS = "marketplace-service-providers/";

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	ApplicationContext context;

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
	void aRegistrationThatLandsLateIsAdoptedNotSentTwice() throws Exception {
		String customer = organisation();
		long id = prepared(customer);
		long start = this.calls.position();
		this.faults.delay("POST", PROVIDERS, LATE, 1);
		StepAttempt unknown = this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		assertThat(unknown.getOutcome()).isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		assertThat(this.onboarding.isSettling(this.onboarding.get(id, OnboardingDriver.SUPPORT),
				OnboardingStep.SERVICE_PROVIDER))
			.isTrue();

		long position = this.calls.position();
		StepAttempt check = this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		assertThat(check.getOutcome()).isEqualTo(AttemptOutcome.PENDING);
		assertThat(check.getMessage()).contains("nothing was sent");
		assertThat(check.getHttpMethod()).isEqualTo("GET");
		assertThat(this.calls.count(position, ProviderLateLandingTests::sentByAPress)).isZero();
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("support").roles("SUPPORT")))
			.andExpect(content().string(containsString("id=\"register-provider\"")))
			.andExpect(content().string(containsString("id=\"settling\"")))
			.andExpect(content().string(containsString("Check Waldur (nothing is sent)")));

		StepAttempt adopted = this.driver.runSettled(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		assertThat(adopted.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(SandboxFixtures.serviceProviders(this.context, customer)).isEqualTo(1);
		assertThat(this.calls.count(start, (call) -> call.changed() && call.path().endsWith(PROVIDERS))).isEqualTo(1);
		assertThat(this.driver.complete(id, OnboardingDriver.SUPPORT).getStatus())
			.isEqualTo(OnboardingStatus.COMPLETED);
	}

	@Test
	void aRegistrationThatNeverLandedIsSentOnceAfterTheSettleTime() {
		String customer = organisation();
		long id = prepared(customer);
		long start = this.calls.position();
		this.faults.failWith("POST", PROVIDERS, 504, 1);
		assertThat(this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT).getOutcome())
			.isEqualTo(AttemptOutcome.OUTCOME_UNKNOWN);
		assertThat(SandboxFixtures.serviceProviders(this.context, customer)).isZero();

		StepAttempt sent = this.driver.runSettled(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		assertThat(sent.getOutcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(SandboxFixtures.serviceProviders(this.context, customer)).isEqualTo(1);
		assertThat(this.calls.count(start, (call) -> call.changed() && call.path().endsWith(PROVIDERS))).isEqualTo(1);
	}

	private String organisation() {
		return SandboxFixtures.newOrganisation(this.context, "Late Provider " + (++counter));
	}

	private long prepared(String customer) {
		String name = "Late Provider " + counter;
		return this.driver.prepared(this.driver.offering("Provider Cluster " + counter, customer, name),
				"late_provider_agent_" + counter, OnboardingDriver.SUPPORT);
	}

	private static boolean sentByAPress(SandboxCallLog.Call call) {
		return !"GET".equals(call.method()) && call.fault() != FaultKind.DELAY;
	}

}
