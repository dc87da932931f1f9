package org.waldur.portal.audit;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingEvents;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.security.Account;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Real sign-ins, account changes, onboarding changes and sandbox faults leave the right
 * audit entries, in the transaction of the change, with request id and client address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditEventsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog log;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxFaults faults;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void signInsAreRecordedWithRequestIdAndAddressButNeverThePassword() throws Exception {
		this.mvc
			.perform(post("/login").param("username", "admin")
				.param("password", "test-admin-password")
				.header("X-Request-Id", "sign-in-ok-1")
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(header().string("X-Request-Id", "sign-in-ok-1"));
		AuditEntry success = latest("admin", AuditAction.SIGN_IN);
		assertThat(success.getOutcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(success.getRequestId()).isEqualTo("sign-in-ok-1");
		assertThat(success.getClientIp()).isEqualTo("127.0.0.1");

		String stranger = AuditTestSupport.uniqueActor("stranger");
		this.mvc
			.perform(post("/login").param("username", stranger)
				.param("password", "Very-Secret-Guess-42")
				.header("X-Request-Id", "not valid!")
				.with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		AuditEntry failure = latest(stranger, AuditAction.SIGN_IN);
		assertThat(failure.getOutcome()).isEqualTo(AuditOutcome.FAILURE);
		assertThat(failure.getTargetId()).isEqualTo(stranger);
		assertThat(failure.getRequestId()).isNotEqualTo("not valid!").matches("[0-9a-f-]{36}");
		assertThat(failure.getDetail()).doesNotContain("Very-Secret-Guess-42");

		this.mvc.perform(post("/logout").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(redirectedUrl("/login?logout"));
		assertThat(latest("admin", AuditAction.SIGN_OUT).getOutcome()).isEqualTo(AuditOutcome.SUCCESS);
	}

	@Test
	void accountChangesAndLockOutAreRecorded() throws Exception {
		String name = AuditTestSupport.uniqueActor("acct");
		Account account = this.accounts.create(name, "initial-password-1", Set.of(Role.OPERATOR), "admin");
		long id = account.getId();
		this.accounts.assignRoles(id, Set.of(Role.OPERATOR, Role.SUPPORT), "admin");
		this.accounts.resetPassword(id, "second-password-2", "admin");
		this.accounts.setEnabled(id, false, "admin");
		this.accounts.setEnabled(id, true, "admin");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login").param("username", name).param("password", "wrong-password").with(csrf()));
		}
		this.accounts.unlock(id, "admin");

		List<AuditEntry> trail = new java.util.ArrayList<>();
		this.log.stream(AuditFilter.all(), (entry) -> {
			if (name.equals(entry.getTargetId())) {
				trail.add(entry);
			}
		});
		assertThat(trail).extracting(AuditEntry::getAction)
			.containsExactly(AuditAction.ACCOUNT_CREATED, AuditAction.ROLES_CHANGED, AuditAction.PASSWORD_RESET,
					AuditAction.ACCOUNT_DISABLED, AuditAction.ACCOUNT_ENABLED, AuditAction.SIGN_IN, AuditAction.SIGN_IN,
					AuditAction.SIGN_IN, AuditAction.SIGN_IN, AuditAction.SIGN_IN, AuditAction.ACCOUNT_LOCKED,
					AuditAction.ACCOUNT_UNLOCKED);
		assertThat(trail.get(0).getActor()).isEqualTo("admin");
		assertThat(trail.get(0).getDetail()).isEqualTo("Account created with roles OPERATOR");
		assertThat(trail.get(1).getDetail()).isEqualTo("Roles set to OPERATOR, SUPPORT");
		assertThat(trail.get(5).getOutcome()).isEqualTo(AuditOutcome.FAILURE);
		assertThat(trail.get(10).getOutcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(trail.get(10).getDetail()).startsWith("Sign-in paused after 5 failed sign-ins, until ");
		assertThat(trail).allSatisfy((entry) -> assertThat(entry.getDetail()).doesNotContain("password-1")
			.doesNotContain("password-2")
			.doesNotContain("wrong-password"));
	}

	@Test
	void onboardingChangesAreRecordedPerSession() {
		Viewer operator = new Viewer(AuditTestSupport.uniqueActor("op"), Set.of(Role.OPERATOR));
		Viewer support = new Viewer("support-person", Set.of(Role.SUPPORT));
		OnboardingSession session = this.onboarding.start(operator);
		long id = session.getId();
		this.onboarding.assign(id, "support-person", "please finish", operator);
		this.onboarding.abandon(id, this.onboarding.get(id, support).getVersion(), "duplicate request", support);

		List<AuditEntry> trail = this.log.sessionTrail(id);
		assertThat(trail).extracting(AuditEntry::getAction)
			.containsExactly(AuditAction.SESSION_CREATED, AuditAction.SESSION_ASSIGNED, AuditAction.SESSION_ABANDONED);
		assertThat(trail).extracting(AuditEntry::getActor)
			.containsExactly(operator.username(), operator.username(), "support-person");
		// Sentences, with the machine code in the action for filtering.
		assertThat(trail.get(0).getDetail()).isEqualTo(operator.username() + " started onboarding #" + id);
		assertThat(trail.get(1).getDetail())
			.isEqualTo(operator.username() + " assigned onboarding #" + id + " to support-person: please finish");
		assertThat(trail.get(2).getDetail())
			.isEqualTo("support-person abandoned onboarding #" + id + ": duplicate request");
		assertThat(trail).allSatisfy((entry) -> {
			assertThat(entry.getSessionId()).isEqualTo(id);
			assertThat(entry.getTargetType()).isEqualTo("session");
			assertThat(entry.getRequestId()).isNull();
		});
	}

	@Test
	void anEntryRollsBackWithTheChangeItDescribes() {
		long sessionId = 555_000_111L;
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new OnboardingEvents.Started(sessionId, "rolled-back"));
			status.setRollbackOnly();
		});
		assertThat(this.log.sessionTrail(sessionId)).isEmpty();
		assertThat(this.log.verify().intact()).isTrue();
	}

	@Test
	void sandboxFaultsAreRecordedWithTheSignedInAdmin() throws Exception {
		this.mvc
			.perform(post("/admin/sandbox/faults").param("method", "POST")
				.param("pathPattern", "marketplace-provider-offerings/")
				.param("kind", "FAIL")
				.param("status", "503")
				.param("count", "2")
				.with(csrf())
				.with(user("fault-admin").roles("ADMIN")))
			.andExpect(redirectedUrl("/admin/sandbox"));
		AuditEntry added = latest("fault-admin", AuditAction.SANDBOX_FAULT_ADDED);
		assertThat(added.getDetail()).contains("FAIL POST marketplace-provider-offerings/ status 503", "2 call(s)");
		assertThat(added.getRequestId()).isNotBlank();
		this.faults.clear();
		assertThat(this.log
			.search(new AuditFilter(null, AuditAction.SANDBOX_FAULTS_CLEARED, null, null, null, null), null, null)
			.entries()).isNotEmpty();
	}

	private AuditEntry latest(String actor, AuditAction action) {
		List<AuditEntry> entries = this.log.search(new AuditFilter(actor, action, null, null, null, null), null, null)
			.entries();
		assertThat(entries).as("entries of %s for %s", action, actor).isNotEmpty();
		return entries.get(0);
	}

}
