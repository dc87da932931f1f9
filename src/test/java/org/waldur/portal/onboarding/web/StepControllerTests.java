package org.waldur.portal.onboarding.web;

import java.util.Set;

import org.junit.jupiter.api.Test;
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
import org.springframework.ui.Model;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The wizard's step pages, their runs, and the refusals of the summary's actions, as a
 * slice: the onboarding service and the page builders mocked, the portal's security
 * rules, the viewer resolver and the refusal mapping real.
 */
@WebMvcTest(controllers = { StepController.class, OnboardingController.class, OfferingChoiceController.class })
@Import(WebSlice.class)
class StepControllerTests {

	private static final Viewer OPERATOR = new Viewer("ops", Set.of(Role.OPERATOR));

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Onboarding onboarding;

	@MockitoBean
	private StepPages pages;

	@MockitoBean
	private StepForms forms;

	private static RequestPostProcessor operator() {
		return user("ops").roles("OPERATOR");
	}

	@Test
	void aStepPageIsBuiltForTheSignedInViewer() {
		OnboardingSession session = mock(OnboardingSession.class);
		given(this.onboarding.get(1, OPERATOR)).willReturn(session);
		assertThat(this.mvc.get().uri("/onboarding/1/steps/integration").with(operator())).hasStatusOk()
			.hasViewName("onboarding/step");
		verify(this.forms).addForm(any(Model.class), eq(session), eq(OnboardingStep.INTEGRATION), eq(OPERATOR),
				eq(false));
		verify(this.pages).fill(any(Model.class), eq(session), eq(OnboardingStep.INTEGRATION), eq(OPERATOR), eq(false));
	}

	@Test
	void theServiceProviderStepLivesOnTheOfferingPage() {
		assertThat(this.mvc.get().uri("/onboarding/1/steps/service-provider").with(operator()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/offering#prerequisites");
	}

	@Test
	void anUnknownStepIsNotFound() {
		assertThat(this.mvc.get().uri("/onboarding/1/steps/no-such-step").with(operator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		assertThat(this.mvc.get().uri("/onboarding/1/steps/integration")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/login");
	}

	@Test
	void aLifetimeInHoursNeedsItsHours() {
		given(this.onboarding.get(1, OPERATOR)).willReturn(mock(OnboardingSession.class));
		assertThat(this.mvc.post()
			.uri("/onboarding/1/steps/keep-token")
			.param("version", "3")
			.param("expiry", "hours")
			.with(operator())
			.with(csrf())).hasStatusOk()
			.hasViewName("onboarding/step")
			.model()
			.extractingBindingResult("form")
			.hasFieldErrorCode("hours", "required");
		verify(this.onboarding, never()).saveKeepToken(anyLong(), anyLong(), any(), any());
	}

	@Test
	void aSavedStepGoesToItsPreview() {
		assertThat(this.mvc.post()
			.uri("/onboarding/1/steps/keep-token")
			.param("version", "3")
			.param("expiry", "never")
			.with(operator())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/keep-token#preview")
			.flash()
			.containsEntry("flashSuccess", "Token lifetime saved. Check the request below.");
		verify(this.onboarding).saveKeepToken(1, 3, null, OPERATOR);
	}

	@Test
	void aRefusedSaveIsShownAboveTheFormThatKeepsTheInputs() {
		given(this.onboarding.get(1, OPERATOR)).willReturn(mock(OnboardingSession.class));
		willThrow(new StepNotRunnableException("This onboarding changed since you opened the page. Reload it."))
			.given(this.onboarding)
			.saveKeepToken(1, 3, 7200, OPERATOR);
		assertThat(this.mvc.post()
			.uri("/onboarding/1/steps/keep-token")
			.param("version", "3")
			.param("expiry", "hours")
			.param("hours", "2")
			.with(operator())
			.with(csrf())).hasStatusOk()
			.hasViewName("onboarding/step")
			.model()
			.extractingBindingResult("form")
			.hasErrorsCount(1)
			.satisfies((errors) -> assertThat(errors.getGlobalError()).extracting(ObjectError::getDefaultMessage)
				.isEqualTo("This onboarding changed since you opened the page. Reload it."));
		verify(this.pages).fill(any(Model.class), any(), eq(OnboardingStep.KEEP_TOKEN), eq(OPERATOR), eq(true));
	}

	@Test
	void aStepThatSucceededLeadsOnToTheNextStep() {
		StepAttempt attempt = attempt(AttemptOutcome.SUCCEEDED, "Integration options saved in Waldur.");
		given(this.onboarding.run(1, OnboardingStep.INTEGRATION, 4, "abc", OPERATOR)).willReturn(attempt);
		assertThat(run("integration")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/activation")
			.flash()
			.containsEntry("flashSuccess", "Step 2 done: Integration options saved in Waldur.");
	}

	@Test
	void aStepThatFailedStaysOnItsPage() {
		StepAttempt attempt = attempt(AttemptOutcome.FAILED, "Waldur did not answer.");
		given(this.onboarding.run(1, OnboardingStep.INTEGRATION, 4, "abc", OPERATOR)).willReturn(attempt);
		assertThat(run("integration")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/integration")
			.flash()
			.containsEntry("flashError", "Integration options: Waldur did not answer.");
	}

	@Test
	void aRefusedRunGoesBackToTheStepWithTheReason() {
		refuse(OnboardingStep.INTEGRATION, "This onboarding changed since you opened the page. Reload it.");
		assertThat(run("integration")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/integration")
			.flash()
			.containsEntry("flashError", "This onboarding changed since you opened the page. Reload it.");
	}

	@Test
	void aRefusedRunOfAStepOutsideTheWizardGoesBackWhereItWasStarted() {
		refuse(OnboardingStep.SERVICE_PROVIDER, "Earlier steps must be done first.");
		assertThat(run("service-provider")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/offering#prerequisites")
			.flash()
			.containsEntry("flashError", "Earlier steps must be done first.");
		refuse(OnboardingStep.TOKEN_REFRESH, "This step is already done.");
		assertThat(run("token-refresh")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/summary")
			.flash()
			.containsEntry("flashError", "This step is already done.");
	}

	@Test
	void aRefusedChoiceOfOfferingGoesBackToTheOfferingStep() {
		given(this.onboarding.chooseOffering(1, 2, "u1", OPERATOR))
			.willThrow(new StepNotRunnableException("This onboarding no longer waits for a choice of offering."));
		assertThat(this.mvc.post()
			.uri("/onboarding/1/steps/offering/choice")
			.param("version", "2")
			.param("offering", "u1")
			.with(operator())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/steps/offering")
			.flash()
			.containsEntry("flashError", "This onboarding no longer waits for a choice of offering.");
	}

	@Test
	void aRefusedAbandonGoesBackToTheSummary() {
		willThrow(new StepNotRunnableException("This onboarding is completed.")).given(this.onboarding)
			.abandon(1, 5, "withdrawn", OPERATOR);
		assertThat(this.mvc.post()
			.uri("/onboarding/1/abandon")
			.param("version", "5")
			.param("reason", "withdrawn")
			.param("confirmed", "true")
			.with(operator())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/onboarding/1/summary")
			.flash()
			.containsEntry("flashError", "This onboarding is completed.");
	}

	@Test
	void aRefusalOfAnActionThatNamesNoPageKeepsItsConflictStatus() {
		willThrow(new StepNotRunnableException("No token has been fetched yet.")).given(this.onboarding)
			.requireRevealable(1, OPERATOR);
		assertThat(this.mvc.post().uri("/onboarding/1/token/reveal").with(operator()).with(csrf()))
			.hasStatus(HttpStatus.CONFLICT)
			.flash()
			.isEmpty();
	}

	@Test
	void aRunWithoutTheFormsCsrfTokenIsRefused() {
		assertThat(this.mvc.post()
			.uri("/onboarding/1/steps/integration/run")
			.param("version", "4")
			.param("fingerprint", "abc")
			.with(operator())).hasStatus(HttpStatus.FORBIDDEN);
		verify(this.onboarding, never()).run(anyLong(), any(), anyLong(), any(), any());
	}

	@Test
	void theEditFlagReachesThePageBuilders() {
		OnboardingSession session = mock(OnboardingSession.class);
		given(this.onboarding.get(1, OPERATOR)).willReturn(session);
		assertThat(this.mvc.get().uri("/onboarding/1/steps/offering?edit=true").with(operator())).hasStatusOk();
		verify(this.pages).fill(any(Model.class), eq(session), eq(OnboardingStep.OFFERING), eq(OPERATOR), anyBoolean());
		verify(this.forms).addForm(any(Model.class), eq(session), eq(OnboardingStep.OFFERING), eq(OPERATOR), eq(true));
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder run(String step) {
		return this.mvc.post()
			.uri("/onboarding/1/steps/" + step + "/run")
			.param("version", "4")
			.param("fingerprint", "abc")
			.with(operator())
			.with(csrf());
	}

	private void refuse(OnboardingStep step, String message) {
		given(this.onboarding.run(1, step, 4, "abc", OPERATOR)).willThrow(new StepNotRunnableException(message));
	}

	private static StepAttempt attempt(AttemptOutcome outcome, String message) {
		StepAttempt attempt = mock(StepAttempt.class);
		given(attempt.getOutcome()).willReturn(outcome);
		given(attempt.getMessage()).willReturn(message);
		return attempt;
	}

}
