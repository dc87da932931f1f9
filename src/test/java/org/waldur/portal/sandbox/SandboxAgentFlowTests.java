package org.waldur.portal.sandbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.agent.AgentHandover;
import org.waldur.portal.agent.CheckOutcome;
import org.waldur.portal.agent.CheckResult;
import org.waldur.portal.agent.HandoverCheck;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.waldur.AgentIdentity;
import org.waldur.portal.waldur.AgentRegistration;
import org.waldur.portal.waldur.AgentService;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurExchange;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurUser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole onboarding against the sandbox leaves a token that keeps working, and the
 * hand-over tells whether the site agent runs: "not started yet" without one, green after
 * its (simulated) start, a warning once its processors stop running.
 */
class SandboxAgentFlowTests extends SandboxTestSupport {

	@Autowired
	Onboarding onboarding;

	@Autowired
	AgentHandover handover;

	@Autowired
	WaldurClient waldur;

	@Test
	void aCompletedOnboardingLeavesANonExpiringTokenAndShowsTheAgentRunningOnceItStarted() {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		long id = driver.prepared(unique("Keep "), unique("keep_"), OnboardingDriver.OPERATOR);
		OnboardingSession session = driver.complete(id, OnboardingDriver.OPERATOR);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(session.step(OnboardingStep.KEEP_TOKEN).getStatus()).isEqualTo(StepStatus.DONE);
		assertThat(session.getServiceTokenLifetime()).isNull();
		StepAttempt keep = this.onboarding.lastAttempt(id, OnboardingStep.KEEP_TOKEN);
		assertThat(keep.getHttpMethod()).isEqualTo("PATCH");
		assertThat(keep.getRequestBody()).contains("\"token_lifetime\":null");
		assertThat(keep.getMessage()).contains("never expires");

		this.clock.advance(Duration.ofDays(2));
		WaldurUser me = this.onboarding.useServiceToken(id, OnboardingDriver.OPERATOR,
				(token) -> this.waldur.currentUser(WaldurCredential.serviceAccount(token)).value());
		assertThat(me.uuid()).isEqualTo(session.getUserUuid());

		List<CheckResult> before = this.handover.runChecks(id, OnboardingDriver.OPERATOR);
		assertThat(result(before, HandoverCheck.TOKEN_AUTHENTICATES).outcome()).isEqualTo(CheckOutcome.PASSED);
		assertThat(result(before, HandoverCheck.TOKEN_LIFETIME).outcome()).isEqualTo(CheckOutcome.PASSED);
		CheckResult notStarted = result(before, HandoverCheck.AGENT_RUNNING);
		assertThat(notStarted.outcome()).isEqualTo(CheckOutcome.WARNING);
		assertThat(notStarted.detail()).contains("Not started yet, or it cannot reach Waldur");
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getAgentSeenAt()).isNull();

		List<CheckResult> after = this.handover.simulateAgentStart(id, OnboardingDriver.OPERATOR);
		CheckResult running = result(after, HandoverCheck.AGENT_RUNNING);
		assertThat(running.outcome()).as(running.detail()).isEqualTo(CheckOutcome.PASSED);
		assertThat(running.detail()).contains("version 1.0.8")
			.contains("order_process: Active")
			.contains("membership_sync")
			.contains("SLURM");
		assertThat(after).allMatch(CheckResult::passed);
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getAgentSeenAt()).isNotNull();

		this.clock.advance(Duration.ofHours(2));
		CheckResult stale = result(this.handover.runChecks(id, OnboardingDriver.OPERATOR), HandoverCheck.AGENT_RUNNING);
		assertThat(stale.outcome()).isEqualTo(CheckOutcome.WARNING);
		assertThat(stale.detail()).contains("has not run for over an hour");
	}

	@Test
	void withoutTheKeepTokenStepTheTokenExpiresAndTheChecksNameTheServiceAccountTokenAndTheFix() {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
		long id = driver.prepared(unique("Lapse "), unique("lapse_"), OnboardingDriver.OPERATOR);
		for (OnboardingStep step : OnboardingStep.wizard()) {
			if (step != OnboardingStep.KEEP_TOKEN) {
				assertThat(driver.run(id, step, OnboardingDriver.OPERATOR).getOutcome().isSuccess()).isTrue();
			}
		}
		List<CheckResult> fresh = this.handover.runChecks(id, OnboardingDriver.OPERATOR);
		CheckResult lifetime = result(fresh, HandoverCheck.TOKEN_LIFETIME);
		assertThat(lifetime.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(lifetime.detail()).contains("1 h").contains("Keep the agent's token valid");

		this.clock.advance(Duration.ofHours(2));
		CheckResult token = result(this.handover.runChecks(id, OnboardingDriver.OPERATOR),
				HandoverCheck.TOKEN_AUTHENTICATES);
		assertThat(token.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(token.detail()).contains("service-account token")
			.doesNotContain("organisation-owner")
			.contains("expired")
			.contains("Refresh the token");
	}

	@Test
	void theNewRequestsFollowTheContract() {
		String offering = createOffering(unique("Contract agent "), true, true).get("uuid").stringValue();
		String user = createUser(unique("contract_")).get("uuid").stringValue();
		post(owner(), "marketplace-provider-offerings/" + offering + "/add_user/",
				"{\"role\": \"OFFERING.MANAGER\", \"user\": \"" + user + "\"}");
		WaldurCredential agent = WaldurCredential
			.serviceAccount(get(staff(), "users/" + user + "/token/").json().get("token").stringValue());

		WaldurResult<WaldurUser> patched = this.waldur.send(WaldurCalls.setTokenLifetime(agent.kind(), user, null),
				agent);
		assertRequest(patched.exchange(), "PatchedUserRequest");
		SandboxContractFlowTests.assertResponse(patched.exchange(), 200, "User");
		assertThat(this.waldur.currentUser(agent).value().tokenLifetime()).isNull();
		WaldurResult<WaldurUser> hours = this.waldur.send(WaldurCalls.setTokenLifetime(agent.kind(), user, 7200),
				agent);
		assertRequest(hours.exchange(), "PatchedUserRequest");
		assertThat(this.waldur.currentUser(agent).value().tokenLifetime()).isEqualTo(7200);

		WaldurResult<AgentIdentity> identity = this.waldur.registerAgent(agent, new AgentRegistration(offering,
				"agent-" + offering, "1.0.8", Map.of("waldur-site-agent", "1.0.8"), OffsetDateTime.now(ZoneOffset.UTC)),
				null);
		assertRequest(identity.exchange(), "AgentIdentityRequest");
		SandboxContractFlowTests.assertResponse(identity.exchange(), 201, "AgentIdentity");
		WaldurResult<AgentIdentity> replaced = this.waldur.registerAgent(agent, new AgentRegistration(offering,
				"agent-" + offering, "1.0.9", Map.of(), OffsetDateTime.now(ZoneOffset.UTC)), identity.value().uuid());
		assertThat(replaced.exchange().method()).isEqualTo("PUT");
		SandboxContractFlowTests.assertResponse(replaced.exchange(), 200, "AgentIdentity");
		WaldurResult<AgentService> service = this.waldur.registerAgentService(agent, identity.value().uuid(),
				"agent-report", "report");
		assertRequest(service.exchange(), "AgentServiceCreateRequest");
		SandboxContractFlowTests.assertResponse(service.exchange(), 201, "AgentService");
		WaldurExchange processor = this.waldur
			.registerAgentProcessor(agent, service.value().uuid(), "slurm-report", "SLURM", "23.11")
			.exchange();
		assertRequest(processor, "AgentProcessorCreateRequest");
		SandboxContractFlowTests.assertResponse(processor, 201, "AgentProcessor");
		WaldurResult<List<AgentIdentity>> listed = this.waldur.agentIdentities(agent, offering, null);
		SandboxContractFlowTests.assertListResponse(listed.exchange(), "AgentIdentity");
		assertThat(listed.value()).singleElement().satisfies((found) -> {
			assertThat(found.version()).isEqualTo("1.0.9");
			assertThat(found.serviceList()).hasSize(1);
		});
		WaldurResult<List<AgentService>> services = this.waldur.agentServices(agent, identity.value().uuid());
		SandboxContractFlowTests.assertListResponse(services.exchange(), "AgentService");
		assertThat(services.value().get(0).processorList()).singleElement()
			.satisfies((found) -> assertThat(found.lastRun()).isNotNull());
	}

	private static void assertRequest(WaldurExchange exchange, String schema) {
		assertThat(SandboxContractFlowTests.CONTRACT.validate(schema, exchange.requestBody()))
			.as(exchange.requestBody())
			.isEmpty();
	}

	private static CheckResult result(List<CheckResult> results, HandoverCheck check) {
		return results.stream().filter((r) -> r.check() == check).findFirst().orElseThrow();
	}

}
