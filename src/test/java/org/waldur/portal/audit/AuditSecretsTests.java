package org.waldur.portal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.desk.DeskEvents;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.OnboardingEvents;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.sandbox.Fault;
import org.waldur.portal.sandbox.FaultKind;
import org.waldur.portal.sandbox.SandboxFaultsChanged;
import org.waldur.portal.security.AccountEvents;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type the audit log listens to is recorded, and no detail ever carries a
 * token-looking value, even when free text in an event (a Waldur message, a note, a
 * reason) contains one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditSecretsTests {

	private static final String HEX_TOKEN = "0123456789abcdef0123456789abcdef01234567";

	private static final String PASSWORD = "hunter2-Secret!";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AuditLog log;

	@Autowired
	org.waldur.portal.onboarding.Onboarding onboarding;

	@Test
	void eachEventTypeIsRecordedWithoutSecrets() {
		String actor = AuditTestSupport.uniqueActor("secrets");
		long session = this.onboarding
			.start(new org.waldur.portal.onboarding.Viewer("secrets-operator", Set.of(Role.OPERATOR)))
			.getId();
		String leaky = "Waldur said: Token " + HEX_TOKEN + " password=" + PASSWORD + " \"token\": \"" + HEX_TOKEN
				+ "\"";
		List<Object> all = new ArrayList<>(List.of(new OnboardingEvents.Started(session, actor),
				new OnboardingEvents.InputsSaved(session, OnboardingStep.OFFERING, actor),
				new OnboardingEvents.StepAttempted(session, OnboardingStep.TOKEN, 2, AttemptOutcome.REJECTED, actor,
						leaky),
				new OnboardingEvents.Completed(session, actor),
				new OnboardingEvents.Assigned(session, "someone", actor, leaky),
				new DeskEvents.NoteAdded(session, actor, leaky), new OnboardingEvents.Abandoned(session, actor, leaky),
				new OnboardingEvents.TokenRevealed(session, actor, true),
				new OnboardingEvents.TokenRefreshed(session, actor, AttemptOutcome.SUCCEEDED)));
		all.addAll(List.of(new AccountEvents.AccountCreated(actor, Set.of(Role.AUDITOR), actor),
				new AccountEvents.RolesChanged(actor, Set.of(), actor), new AccountEvents.PasswordReset(actor, actor),
				new AccountEvents.AccountEnabled(actor, actor), new AccountEvents.AccountDisabled(actor, actor),
				new AccountEvents.AccountUnlocked(actor, actor),
				new AccountEvents.AccountLocked(actor, 5, Instant.parse("2030-01-01T00:00:00Z")),
				new SandboxFaultsChanged(new Fault(1, "POST", "users/", FaultKind.FAIL, 500, Duration.ZERO, 1), 0),
				new SandboxFaultsChanged(null, 3)));
		this.transactions.executeWithoutResult((status) -> all.forEach(this.events::publishEvent));

		List<AuditEntry> recorded = new ArrayList<>();
		this.log.stream(AuditFilter.byActor(actor), recorded::add);
		assertThat(recorded).extracting(AuditEntry::getAction)
			.containsExactly(AuditAction.SESSION_CREATED, AuditAction.INPUTS_SAVED, AuditAction.STEP_ATTEMPTED,
					AuditAction.SESSION_COMPLETED, AuditAction.SESSION_ASSIGNED, AuditAction.SESSION_NOTE_ADDED,
					AuditAction.SESSION_ABANDONED, AuditAction.SECRET_REVEALED, AuditAction.TOKEN_REFRESHED,
					AuditAction.ACCOUNT_CREATED, AuditAction.ROLES_CHANGED, AuditAction.PASSWORD_RESET,
					AuditAction.ACCOUNT_ENABLED, AuditAction.ACCOUNT_DISABLED, AuditAction.ACCOUNT_UNLOCKED,
					AuditAction.ACCOUNT_LOCKED);
		assertThat(recorded.get(2).getDetail())
			.startsWith(actor + " ran step " + OnboardingStep.TOKEN.number() + ", " + OnboardingStep.TOKEN.title()
					+ ", of onboarding #" + session + " (try 2): rejected by waldur — Waldur said:")
			.contains("******");
		assertThat(recorded.get(2).getOutcome()).isEqualTo(AuditOutcome.FAILURE);
		List<AuditEntry> sandbox = new ArrayList<>();
		this.log.stream(new AuditFilter(null, null, null, null, null, null), (entry) -> {
			if (entry.getAction().name().startsWith("SANDBOX_") && entry.getId() > recorded.get(0).getId()) {
				sandbox.add(entry);
			}
		});
		assertThat(sandbox).hasSizeGreaterThanOrEqualTo(2);
		recorded.addAll(sandbox);
		assertThat(recorded).allSatisfy((entry) -> assertThat(entry.getDetail()).doesNotContain(HEX_TOKEN)
			.doesNotContain(PASSWORD)
			.doesNotContainPattern("[0-9a-fA-F]{40}"));
	}

}
