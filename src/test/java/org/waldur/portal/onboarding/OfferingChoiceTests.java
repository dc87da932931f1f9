package org.waldur.portal.onboarding;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditEntry;
import org.waldur.portal.audit.AuditLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two offerings with the onboarding's name in Waldur after a create without an answer:
 * the candidates are stored with the decision, support chooses the one the onboarding
 * keeps after Waldur confirms it, the onboarding goes on with exactly that one, and the
 * other is left in Waldur for clean-up. Every other way of choosing is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.waldur.read-timeout=1500ms", "portal.waldur.settle-time=4s" })
class OfferingChoiceTests {

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

	@Autowired
	AuditLog audit;

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
	void supportChoosesOneOfTheOfferingsAndTheOnboardingCompletesWithExactlyThatOne() {
		String name = "Chosen Offering " + (++counter);
		long id = this.driver.withDuplicateOfferings(name, "chosen_agent_" + counter, this.faults, this.waldur);
		List<String> inWaldur = offerings(name);
		assertThat(inWaldur).hasSize(2);

		OnboardingSession waiting = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(waiting.getStatus()).isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		assertThat(waiting.awaitsOfferingChoice()).isTrue();
		assertThat(waiting.getOfferingCandidates()).extracting(OfferingCandidate::uuid)
			.containsExactlyElementsOf(inWaldur);
		assertThat(waiting.getOfferingCandidates()).allSatisfy((candidate) -> {
			assertThat(candidate.state()).isEqualTo("Draft");
			assertThat(candidate.created()).isNotNull();
			assertThat(candidate.name()).isEqualTo(name);
		});

		String kept = inWaldur.get(1);
		String other = inWaldur.get(0);
		StepAttempt choice = this.onboarding.chooseOffering(id, waiting.getVersion(), kept, OnboardingDriver.SUPPORT);
		assertThat(choice.getOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(choice.getActor()).isEqualTo("support");
		assertThat(choice.getMessage()).contains(kept, other, "left in Waldur");
		assertThat(choice.getHttpMethod()).isEqualTo("GET");
		assertThat(choice.getUrl()).contains("marketplace-provider-offerings/" + kept + "/");
		assertThat(choice.getResponseStatus()).isEqualTo(200);

		OnboardingSession chosen = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(chosen.getOfferingUuid()).isEqualTo(kept);
		assertThat(chosen.step(OnboardingStep.OFFERING).getStatus()).isEqualTo(StepStatus.DONE);
		assertThat(chosen.step(OnboardingStep.OFFERING).getLastOutcome()).isEqualTo(AttemptOutcome.RECONCILED);
		assertThat(chosen.getStatus()).isEqualTo(OnboardingStatus.IN_PROGRESS);
		assertThat(chosen.awaitsOfferingChoice()).isFalse();
		assertThat(chosen.offeringsLeftInWaldur()).extracting(OfferingCandidate::uuid).containsExactly(other);
		assertThat(this.audit.sessionTrail(id)).anySatisfy((entry) -> {
			assertThat(entry.getAction()).isEqualTo(AuditAction.OFFERING_CHOSEN);
			assertThat(entry.getActor()).isEqualTo("support");
			assertThat(entry.getDetail()).contains(kept, other);
		});
		assertThat(this.audit.sessionTrail(id)).extracting(AuditEntry::getAction)
			.filteredOn(AuditAction.STEP_ATTEMPTED::equals)
			.hasSize(3);

		OnboardingSession completed = this.driver.complete(id, OnboardingDriver.OPERATOR);
		assertThat(completed.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(completed.getOfferingUuid()).isEqualTo(kept);
		// The portal deletes nothing: the other one is still there, untouched.
		assertThat(offerings(name)).containsExactlyElementsOf(inWaldur);
		assertThat(state(kept)).isEqualTo("Active");
		assertThat(state(other)).isEqualTo("Draft");
		assertThat(this.jdbc
			.sql("select count(*) from sandbox_offering_role r join sandbox_offering o on o.uuid = r.offering_uuid "
					+ "where o.name = ?")
			.param(name)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(completed.offeringsLeftInWaldur()).extracting(OfferingCandidate::uuid).containsExactly(other);
	}

	@Test
	void aChoiceIsRefusedFromTheWrongPersonAStalePageOrAnotherOffering() {
		String name = "Refused Choice " + (++counter);
		long id = this.driver.withDuplicateOfferings(name, "refused_agent_" + counter, this.faults, this.waldur);
		List<String> inWaldur = offerings(name);
		long version = this.driver.version(id);
		String kept = inWaldur.get(0);

		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, version, kept, OnboardingDriver.OPERATOR))
			.isInstanceOf(OnboardingAccessDeniedException.class)
			.hasMessageContaining("support staff");
		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, version, kept, OnboardingDriver.AUDITOR))
			.isInstanceOf(OnboardingAccessDeniedException.class);
		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, version - 1, kept, OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("changed since you opened the page");
		String elsewhere = this.waldur
			.send(WaldurCalls.createOffering(org.waldur.portal.waldur.WaldurCredential.Kind.STAFF,
					WaldurRequests.offering(this.driver.offering("Somewhere Else " + counter))))
			.value()
			.uuid();
		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, version, elsewhere, OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("not one of the offerings");

		// Waldur is read again before anything is recorded.
		this.jdbc.sql("update sandbox_offering set name = ? where uuid = ?")
			.param("Renamed in Waldur")
			.param(kept)
			.update();
		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, version, kept, OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("no longer matches")
			.hasMessageContaining("Nothing was recorded");
		this.jdbc.sql("delete from sandbox_offering where uuid = ?").param(kept).update();
		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, version, kept, OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("Nothing was recorded");
		OnboardingSession unchanged = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(unchanged.getVersion()).isEqualTo(version);
		assertThat(unchanged.getOfferingUuid()).isNull();
		assertThat(unchanged.awaitsOfferingChoice()).isTrue();
		assertThat(this.onboarding.attempts(id, OnboardingDriver.SUPPORT)).hasSize(2);

		this.onboarding.abandon(id, version, "Cleaning up by hand", OnboardingDriver.SUPPORT);
		String remaining = inWaldur.get(1);
		assertThatThrownBy(
				() -> this.onboarding.chooseOffering(id, this.driver.version(id), remaining, OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("no longer waits");
		// Abandoned without a choice: every candidate is left for clean-up.
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).offeringsLeftInWaldur())
			.extracting(OfferingCandidate::uuid)
			.containsExactlyElementsOf(inWaldur);
	}

	@Test
	void renamingTheOnboardingEndsTheWaitAndLeavesBothOfferingsForCleanUp() {
		String name = "Renamed Choice " + (++counter);
		long id = this.driver.withDuplicateOfferings(name, "renamed_agent_" + counter, this.faults, this.waldur);
		List<String> inWaldur = offerings(name);
		this.onboarding.saveOffering(id, this.driver.version(id), this.driver.offering(name + " (new)"), null, false,
				OnboardingDriver.OPERATOR);
		OnboardingSession renamed = this.onboarding.get(id, OnboardingDriver.OPERATOR);
		assertThat(renamed.awaitsOfferingChoice()).isFalse();
		assertThatThrownBy(() -> this.onboarding.chooseOffering(id, renamed.getVersion(), inWaldur.get(0),
				OnboardingDriver.SUPPORT))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageContaining("no longer waits");
		assertThat(this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR).getOutcome())
			.isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).offeringsLeftInWaldur())
			.extracting(OfferingCandidate::uuid)
			.containsExactlyElementsOf(inWaldur);
	}

	private List<String> offerings(String name) {
		return this.jdbc.sql("select uuid from sandbox_offering where name = ? order by created, uuid")
			.param(name)
			.query(String.class)
			.list();
	}

	private String state(String uuid) {
		return this.jdbc.sql("select state from sandbox_offering where uuid = ?")
			.param(uuid)
			.query(String.class)
			.single();
	}

}
