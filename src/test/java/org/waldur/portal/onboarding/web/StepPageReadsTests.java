package org.waldur.portal.onboarding.web;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a step page reads to be shown: the step's last attempt once, however many parts of
 * the page (the form, whether it is shown for editing, the result) need it, and not at
 * all for a step that never ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StepPageReadsTests {

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	Onboarding onboarding;

	@Test
	void theOfferingStepReadsItsLastAttemptOnce() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		clearInvocations(this.onboarding);
		this.mvc.perform(get("/onboarding/{id}/steps/offering", id).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk());
		verify(this.onboarding, times(1)).lastAttempt(any(OnboardingSession.class), eq(OnboardingStep.OFFERING));
		// Neither the step nor the provider registration ever ran: nothing to query.
		verify(this.onboarding, never()).lastAttempt(anyLong(), any(OnboardingStep.class));
	}

}
