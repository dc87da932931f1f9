package org.waldur.portal.onboarding.web;

import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Support's choice, on the offering step, of which of several same-named offerings in
 * Waldur the onboarding keeps.
 */
@Controller
class OfferingChoiceController {

	private final Onboarding onboarding;

	OfferingChoiceController(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	@PostMapping("/onboarding/{id}/steps/offering/choice")
	@BackOnRefusal("/onboarding/{id}/steps/offering")
	String choose(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String offering,
			Viewer viewer, RedirectAttributes redirect) {
		StepAttempt attempt = this.onboarding.chooseOffering(id, version, offering, viewer);
		redirect.addFlashAttribute("flashSuccess", OnboardingStep.OFFERING.title() + ": " + attempt.getMessage());
		return "redirect:" + StepPages.href(id, OnboardingStep.INTEGRATION);
	}

}
