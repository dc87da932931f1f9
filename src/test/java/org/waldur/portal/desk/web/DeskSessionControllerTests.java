package org.waldur.portal.desk.web;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.desk.DeskRejectedException;
import org.waldur.portal.desk.SupportDesk;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Role;
import org.waldur.portal.security.WebSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The support desk's actions on one onboarding, as a slice: the desk and onboarding
 * services mocked, the portal's security rules, the viewer resolver and the refusal
 * mapping real.
 */
@WebMvcTest(controllers = DeskSessionController.class)
@Import(WebSlice.class)
class DeskSessionControllerTests {

	private static final Viewer SUPPORT = new Viewer("sup", Set.of(Role.SUPPORT));

	private static final Viewer AUDITOR = new Viewer("aud", Set.of(Role.AUDITOR));

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Onboarding onboarding;

	@MockitoBean
	private SupportDesk desk;

	private static RequestPostProcessor support() {
		return user("sup").roles("SUPPORT");
	}

	@Test
	void aNoteIsAdded() {
		assertThat(this.mvc.post()
			.uri("/desk/sessions/7/notes")
			.param("note", "Called the provider.")
			.with(support())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/sessions/7")
			.flash()
			.containsEntry("flashSuccess", "Note added.");
		verify(this.desk).addNote(7, "Called the provider.", SUPPORT);
	}

	@Test
	void aRefusedNoteGoesBackToTheDeskPageWithTheReason() {
		willThrow(new DeskRejectedException("Write a note of up to 2000 characters.")).given(this.desk)
			.addNote(7, null, SUPPORT);
		assertThat(this.mvc.post().uri("/desk/sessions/7/notes").with(support()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/sessions/7")
			.flash()
			.containsEntry("flashError", "Write a note of up to 2000 characters.");
	}

	@Test
	void anAssignmentWithoutANameIsToTheViewer() {
		assertThat(this.mvc.post().uri("/desk/sessions/7/assign").with(support()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("flashSuccess", "Assigned to you.");
		verify(this.desk).handOver(7, "sup", null, SUPPORT);
	}

	@Test
	void aReconciliationIsReportedWithItsOutcome() {
		StepAttempt attempt = mock(StepAttempt.class);
		given(attempt.getStep()).willReturn(OnboardingStep.ACTIVATION);
		given(attempt.getOutcome()).willReturn(AttemptOutcome.RECONCILED);
		given(attempt.getMessage()).willReturn("Waldur had it already.");
		given(this.desk.reconcile(7, 3, "fp", SUPPORT)).willReturn(attempt);
		assertThat(reconcile()).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/sessions/7")
			.flash()
			.containsEntry("flashSuccess", "Activation: Reconciled. Waldur had it already.");
	}

	@Test
	void aRefusedReconciliationGoesBackToTheDeskPageWithTheReason() {
		given(this.desk.reconcile(7, 3, "fp", SUPPORT))
			.willThrow(new StepNotRunnableException("No step of this onboarding failed or waits for reconciliation."));
		assertThat(reconcile()).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/sessions/7")
			.flash()
			.containsEntry("flashError", "No step of this onboarding failed or waits for reconciliation.");
	}

	@Test
	void anUntickedReconciliationIsExplainedAtTheBox() {
		given(this.onboarding.get(7, SUPPORT)).willReturn(mock(OnboardingSession.class));
		assertThat(this.mvc.post().uri("/desk/sessions/7/reconcile").param("version", "3").with(support()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/sessions/7#reconcile-confirmed")
			.flash()
			.containsEntry("confirmFor", "reconcile-confirmed");
		verify(this.desk, never()).reconcile(anyLong(), anyLong(), any(), any());
	}

	@Test
	void anAuditorMayNotReconcile() {
		given(this.onboarding.get(7, AUDITOR)).willReturn(mock(OnboardingSession.class));
		assertThat(this.mvc.post()
			.uri("/desk/sessions/7/reconcile")
			.param("version", "3")
			.with(user("aud").roles("AUDITOR"))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		verify(this.desk, never()).reconcile(anyLong(), anyLong(), any(), any());
	}

	private MockMvcTester.MockMvcRequestBuilder reconcile() {
		return this.mvc.post()
			.uri("/desk/sessions/7/reconcile")
			.param("version", "3")
			.param("fingerprint", "fp")
			.param("confirmed", "true")
			.with(support())
			.with(csrf());
	}

}
