package org.waldur.portal.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session's transitions as plain objects, without Spring or a database: steps in
 * order, completion recorded once by the session itself, abandoning, the token's data and
 * no text "null" for a value Waldur did not give.
 */
class OnboardingSessionTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

	private final Instant now = CLOCK.instant();

	@Test
	void aNewSessionIsAnEmptyDraftWithEveryStepToDo() {
		OnboardingSession session = new OnboardingSession("olga", this.now);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.DRAFT);
		assertThat(session.getCurrentStep()).isEqualTo(OnboardingStep.OFFERING);
		assertThat(session.getSteps()).extracting(StepExecution::getStep).isEqualTo(OnboardingStep.wizard());
		assertThat(session.getSteps()).allMatch((step) -> step.getStatus() == StepStatus.TODO);
		assertThat(session.isDeletableDraft()).isTrue();
		assertThat(session.offering().exists()).isFalse();
		assertThat(session.account().exists()).isFalse();
		assertThat(session.hasServiceToken()).isFalse();
		assertThat(session.getPlanUuids()).isEmpty();
		assertThat(session.getCompletedAt()).isNull();
	}

	@Test
	void stepsRunInOrder() {
		OnboardingSession session = prepared();
		assertThat(session.canRun(OnboardingStep.INTEGRATION)).isFalse();
		assertThatThrownBy(() -> session.startStep(OnboardingStep.INTEGRATION, "olga", "i1", this.now))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessage("Earlier steps must be done first.");
		succeed(session, OnboardingStep.OFFERING);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.IN_PROGRESS);
		assertThat(session.getCurrentStep()).isEqualTo(OnboardingStep.INTEGRATION);
		assertThat(session.canRun(OnboardingStep.INTEGRATION)).isTrue();
		assertThat(session.isEditable(OnboardingStep.OFFERING)).isFalse();
		assertThatThrownBy(() -> session.startStep(OnboardingStep.OFFERING, "olga", "i1", this.now))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessage("This step is already done.");
	}

	@Test
	void aRunningStepCannotStartTwice() {
		OnboardingSession session = prepared();
		session.startStep(OnboardingStep.OFFERING, "olga", "i1", this.now);
		assertThatThrownBy(() -> session.startStep(OnboardingStep.OFFERING, "sam", "i2", this.now))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessageStartingWith("This step is already running: started by olga.");
	}

	@Test
	void theLastWizardStepCompletesTheSessionOnce() {
		OnboardingSession session = prepared();
		List<OnboardingStep> wizard = OnboardingStep.wizard();
		for (OnboardingStep step : wizard.subList(0, wizard.size() - 1)) {
			assertThat(succeed(session, step)).as(step.name()).isFalse();
		}
		assertThat(session.isCompleted()).isFalse();
		Instant later = this.now.plus(Duration.ofMinutes(5));
		session.startStep(wizard.get(wizard.size() - 1), "olga", "i1", later);
		assertThat(session.finishStep(wizard.get(wizard.size() - 1), AttemptOutcome.SUCCEEDED, "Done.", later, false,
				null))
			.isTrue();
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
		assertThat(session.getCompletedAt()).isEqualTo(later);
		assertThat(session.isCompleted()).isTrue();
		assertThat(session.getUpdatedAt()).isEqualTo(later);

		// A token refresh afterwards neither completes it again nor moves its time.
		Instant refresh = later.plus(Duration.ofHours(1));
		session.startStep(OnboardingStep.TOKEN_REFRESH, "olga", "i1", refresh);
		assertThat(session.finishStep(OnboardingStep.TOKEN_REFRESH, AttemptOutcome.SUCCEEDED, "Replaced.", refresh,
				false, null))
			.isFalse();
		assertThat(session.getCompletedAt()).isEqualTo(later);
	}

	@Test
	void anUnknownRefreshNeedsAttentionUntilChecked() {
		OnboardingSession session = completed();
		session.startStep(OnboardingStep.TOKEN_REFRESH, "olga", "i1", this.now);
		session.finishStep(OnboardingStep.TOKEN_REFRESH, AttemptOutcome.OUTCOME_UNKNOWN, "No answer.", this.now, true,
				this.now.plusSeconds(60));
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		assertThat(session.isCompleted()).isTrue();
		session.startStep(OnboardingStep.TOKEN_REFRESH, "olga", "i1", this.now);
		assertThat(session.finishStep(OnboardingStep.TOKEN_REFRESH, AttemptOutcome.RECONCILED, "Checked.", this.now,
				false, null))
			.isFalse();
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.COMPLETED);
	}

	@Test
	void aFailedStepNeedsAttentionAndStaysEditable() {
		OnboardingSession session = prepared();
		session.startStep(OnboardingStep.OFFERING, "olga", "i1", this.now);
		session.finishStep(OnboardingStep.OFFERING, AttemptOutcome.REJECTED, "Waldur refused it.", this.now, false,
				null);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		assertThat(session.step(OnboardingStep.OFFERING).getStatus()).isEqualTo(StepStatus.FAILED);
		assertThat(session.isEditable(OnboardingStep.OFFERING)).isTrue();
	}

	@Test
	void anAbandonedSessionTakesNoMoreChanges() {
		OnboardingSession session = prepared();
		succeed(session, OnboardingStep.OFFERING);
		session.abandon("Cluster retired", this.now);
		assertThat(session.getStatus()).isEqualTo(OnboardingStatus.ABANDONED);
		assertThat(session.getAbandonedReason()).isEqualTo("Cluster retired");
		assertThat(session.isCompleted()).isFalse();
		assertThat(session.canRun(OnboardingStep.INTEGRATION)).isFalse();
		assertThatThrownBy(() -> session.startStep(OnboardingStep.INTEGRATION, "olga", "i1", this.now))
			.isInstanceOf(StepNotRunnableException.class)
			.hasMessage("This onboarding is abandoned.");
		assertThatThrownBy(() -> session.abandon("Again", this.now)).isInstanceOf(StepNotRunnableException.class);
		assertThatThrownBy(() -> session.assignTo("sam", this.now)).isInstanceOf(StepNotRunnableException.class);
		assertThatThrownBy(() -> session.editIntegration(IntegrationInput.defaults(), this.now))
			.isInstanceOf(StepNotRunnableException.class);
	}

	@Test
	void theOfferingKeepsItsOrganisationWhenWaldurCreatesIt() {
		OnboardingSession session = prepared();
		assertThat(session.getCustomerUuid()).isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee00");
		assertThat(session.getCustomerName()).isEqualTo("Provider");
		session.recordOffering("0ff0", "https://waldur/api/marketplace-provider-offerings/0ff0/", "Draft",
				List.of("p1"), List.of("c1", "c2"), this.now);
		session.recordOfferingState("Active", this.now);
		assertThat(session.offering().exists()).isTrue();
		assertThat(session.getCustomerUuid()).isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee00");
		assertThat(session.getOfferingUuid()).isEqualTo("0ff0");
		assertThat(session.getOfferingState()).isEqualTo("Active");
		assertThat(session.getPlanUuids()).containsExactly("p1");
		assertThat(session.getComponentUuids()).containsExactly("c1", "c2");
		assertThat(session.isDeletableDraft()).isFalse();
	}

	@Test
	void theTokenKeepsTheChosenLifetimeAndIsShownOnceAfterEachFetch() {
		OnboardingSession session = prepared();
		session.editKeepToken(3600, this.now);
		session.storeServiceToken("v1:sealed", this.now, null, this.now);
		assertThat(session.hasServiceToken()).isTrue();
		assertThat(session.getServiceTokenSecret()).isEqualTo("v1:sealed");
		assertThat(session.getServiceTokenCreated()).isEqualTo(this.now);
		assertThat(session.getKeepTokenSeconds()).isEqualTo(3600);
		assertThat(session.isServiceTokenDisplayed()).isFalse();
		session.markServiceTokenDisplayed(this.now);
		assertThat(session.isServiceTokenDisplayed()).isTrue();
		session.recordTokenLifetime(3600, this.now);
		assertThat(session.getServiceTokenLifetime()).isEqualTo(3600);
		assertThat(session.isServiceTokenDisplayed()).isTrue();
		session.storeServiceToken("v1:other", this.now, null, this.now);
		assertThat(session.isServiceTokenDisplayed()).isFalse();
		assertThat(session.getServiceTokenLifetime()).isNull();
		assertThat(session.getKeepTokenSeconds()).isEqualTo(3600);
		assertThat(session.token().toString()).doesNotContain("sealed", "other");
	}

	@Test
	void aValueWaldurDidNotGiveStaysEmptyNotTheWordNull() {
		OnboardingSession session = prepared();
		session.recordOffering("0ff0", null, null, List.of(), List.of(), this.now);
		session.recordUser("0553", null, null, this.now);
		assertThat(session.getOfferingUrl()).isNull();
		assertThat(session.getOfferingState()).isNull();
		assertThat(session.getUserUrl()).isNull();
		assertThat(session.getUsername()).isNull();
		assertThat(session.account().exists()).isTrue();
	}

	private OnboardingSession prepared() {
		OnboardingSession session = new OnboardingSession("olga", this.now, "Draft");
		session.editOffering(
				new OfferingInput("Cluster", "A cluster", "https://waldur/api/customers/c0ffee/",
						"c0ffee00c0ffee00c0ffee00c0ffee00", "Provider",
						"https://waldur/api/marketplace-categories/ca7/", "HPC",
						List.of(new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", null,
								null, 1)),
						List.of(new OfferingInput.Plan("Default", "Default plan", "month")), true),
				null, false, this.now);
		session.editIntegration(IntegrationInput.defaults(), this.now);
		session.editAccount(OnboardingDriver.account("agent"), this.now);
		return session;
	}

	private OnboardingSession completed() {
		OnboardingSession session = prepared();
		OnboardingStep.wizard().forEach((step) -> succeed(session, step));
		return session;
	}

	private boolean succeed(OnboardingSession session, OnboardingStep step) {
		session.startStep(step, "olga", "i1", this.now);
		return session.finishStep(step, AttemptOutcome.SUCCEEDED, "Done.", this.now, false, null);
	}

}
