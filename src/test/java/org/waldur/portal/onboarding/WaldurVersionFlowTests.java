package org.waldur.portal.onboarding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFixtures;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.sandbox.SandboxWaldurVersion;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Onboardings against the sandbox answering as Waldur 8.1.2 and 8.0.5: the requests
 * depend on the version (no UID/GID numbers to 8.1.2), the version is recorded on the
 * onboarding, the integration step reads back what Waldur stored, and an organisation
 * that is not a service provider yet is registered by support before the offering step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaldurVersionFlowTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxWaldurVersion sandboxVersion;

	@Autowired
	WaldurServer server;

	@Autowired
	WaldurClient waldur;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	static int counter;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void reset() {
		SandboxFixtures.resetVersion(this.context);
	}

	@Test
	void onWaldur812NoUidNumbersAreSentAndAMissingProviderIsRegisteredFirst() {
		answerAs("8.1.2");
		int n = ++counter;
		String organisation = "New Provider " + n;
		String customer = SandboxFixtures.newOrganisation(this.context, organisation);
		long id = this.driver.prepared(this.driver.offering("Pools Cluster " + n, customer, organisation),
				"pools_agent_" + n, OnboardingDriver.OPERATOR);
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(session.getIntegrationInput().initialUidnumber()).isEqualTo(5000);
		assertThat(this.onboarding.preview(session, OnboardingStep.INTEGRATION)).isEmpty();

		// Before step 1: the organisation is not a provider yet, so nothing is created.
		Prerequisites before = this.onboarding.prerequisites(session).orElseThrow();
		assertThat(before.serviceProvider()).isFalse();
		assertThat(before.onlyProviderMissing()).isTrue();
		long position = this.calls.position();
		StepAttempt refused = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(refused.getOutcome()).isEqualTo(AttemptOutcome.REJECTED);
		assertThat(refused.getMessage()).contains("Nothing was sent", "not a registered service provider");
		assertThat(this.calls.count(position, (call) -> !"GET".equals(call.method()))).isZero();

		// Registering is for support staff, with the usual preview and record.
		assertThat(this.onboarding.preview(session, OnboardingStep.SERVICE_PROVIDER).orElseThrow().body())
			.contains("customers/" + customer + "/");
		assertThatThrownBy(() -> this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.OPERATOR))
			.isInstanceOf(OnboardingAccessDeniedException.class);
		StepAttempt registered = this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		assertThat(registered.getOutcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(registered.getHttpMethod()).isEqualTo("POST");
		assertThat(registered.getUrl()).endsWith("/marketplace-service-providers/");
		assertThat(SandboxFixtures.serviceProviders(this.context, customer)).isEqualTo(1);
		StepAttempt again = this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		assertThat(again.getOutcome()).isEqualTo(AttemptOutcome.ALREADY_DONE);
		assertThat(again.getHttpMethod()).isEqualTo("GET");
		assertThat(this.onboarding.prerequisites(this.onboarding.get(id, OnboardingDriver.SUPPORT)).orElseThrow().met())
			.isTrue();

		OnboardingSession done = this.driver.complete(id, OnboardingDriver.OPERATOR);
		assertThat(done.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(done.getWaldurVersion()).isEqualTo("8.1.2");
		StepAttempt integration = this.onboarding.lastAttempt(id, OnboardingStep.INTEGRATION);
		assertThat(integration.getHttpMethod()).isEqualTo("POST");
		assertThat(integration.getRequestBody()).contains("homedir_prefix")
			.doesNotContain("initial_uidnumber", "initial_primarygroup_number", "initial_usergroup_number");
		assertThat(integration.getMessage()).contains("every option sent is stored as sent",
				"Not sent, because Waldur 8.1.2 no longer has them");
		assertThat(this.waldur.getOffering(WaldurCredential.staff(), done.getOfferingUuid()).value().pluginOptions())
			.doesNotContainKeys("initial_uidnumber", "initial_primarygroup_number", "initial_usergroup_number");
		assertThat(SandboxFixtures.serviceProviders(this.context, customer)).isEqualTo(1);
	}

	@Test
	void onWaldur805TheUidNumbersAreSentAndStored() {
		answerAs("8.0.5");
		int n = ++counter;
		long id = this.driver.prepared("Numbers Cluster " + n, "numbers_agent_" + n, OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		OnboardingSession session = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(this.onboarding.preview(session, OnboardingStep.INTEGRATION).orElseThrow().body())
			.contains("\"initial_uidnumber\"", "\"initial_primarygroup_number\"", "\"initial_usergroup_number\"");
		StepAttempt integration = this.driver.run(id, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR);
		assertThat(integration.getRequestBody()).contains("\"initial_uidnumber\"");
		assertThat(integration.getMessage()).contains("every option sent is stored as sent").doesNotContain("Not sent");
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getWaldurVersion()).isEqualTo("8.0.5");
	}

	@Test
	void whatWaldurDroppedIsShownAsNotStored() {
		// The portal believes 8.0.5 while Waldur already behaves as 8.1.2: the read-back
		// tells the truth.
		answerAs("8.0.5");
		int n = ++counter;
		long id = this.driver.prepared("Dropped Cluster " + n, "dropped_agent_" + n, OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(this.server.current().version()).isEqualTo("8.0.5");
		this.sandboxVersion.set("8.1.2");
		StepAttempt integration = this.driver.run(id, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR);
		assertThat(integration.getOutcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(integration.getRequestBody()).contains("\"initial_uidnumber\"");
		assertThat(integration.getMessage()).contains("NOT stored as sent: initial_uidnumber",
				"initial_usergroup_number", "initial_primarygroup_number");
	}

	@Test
	void aBlockedOrganisationStopsTheOfferingStep() {
		int n = ++counter;
		String organisation = "Blocked Provider " + n;
		String customer = SandboxFixtures.newOrganisation(this.context, organisation);
		SandboxFixtures.block(this.context, customer, true);
		long id = this.driver.prepared(this.driver.offering("Blocked Cluster " + n, customer, organisation),
				"blocked_agent_" + n, OnboardingDriver.SUPPORT);
		this.driver.run(id, OnboardingStep.SERVICE_PROVIDER, OnboardingDriver.SUPPORT);
		Prerequisites prerequisites = this.onboarding.prerequisites(this.onboarding.get(id, OnboardingDriver.SUPPORT))
			.orElseThrow();
		assertThat(prerequisites.serviceProvider()).isTrue();
		assertThat(prerequisites.blocked()).isTrue();
		StepAttempt refused = this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.SUPPORT);
		assertThat(refused.getOutcome()).isEqualTo(AttemptOutcome.REJECTED);
		assertThat(refused.getMessage()).contains("blocked or archived");
	}

	private void answerAs(String version) {
		SandboxFixtures.answerAs(this.context, version);
	}

}
