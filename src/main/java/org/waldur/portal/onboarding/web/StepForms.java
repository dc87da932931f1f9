package org.waldur.portal.onboarding.web;

import java.util.List;
import java.util.Map;

import org.waldur.portal.onboarding.IntegrationInput;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Puts the form of a step, filled from the session's saved inputs or with defaults, on
 * the model, together with Waldur's messages if it rejected the last attempt. Only an
 * editable offering step gets the pickers' lists from Waldur; read-only views call no
 * Waldur.
 */
@Component
class StepForms {

	private final StepPages pages;

	private final Pickers pickers;

	StepForms(StepPages pages, Pickers pickers) {
		this.pages = pages;
		this.pickers = pickers;
	}

	/**
	 * Adds the step's form; the offering's pickers only when the form is shown for
	 * editing (see {@link StepPages#editing}).
	 */
	void addForm(Model model, OnboardingSession session, OnboardingStep step, Viewer viewer, boolean editRequested) {
		Object form = switch (step) {
			case OFFERING -> (session.getOfferingInput() != null) ? OfferingForm.of(session.getOfferingInput())
					: OfferingForm.named(session.getTitle());
			case INTEGRATION -> IntegrationForm.of((session.getIntegrationInput() != null)
					? session.getIntegrationInput() : IntegrationInput.defaults());
			case SERVICE_ACCOUNT -> (session.getAccountInput() != null) ? AccountForm.of(session.getAccountInput())
					: AccountForm.suggestedFor(session.getTitle());
			case KEEP_TOKEN -> KeepTokenForm.of(session.getKeepTokenSeconds());
			default -> null;
		};
		if (form == null || model.containsAttribute("form")) {
			return;
		}
		model.addAttribute("form", form);
		// Read once for the whole page: StepPages#fill takes it from the model.
		StepAttempt last = this.pages.lastAttempt(model, session, step);
		Map<String, List<String>> rejected = StepPages.rejectedFields(last);
		if (!rejected.isEmpty() && session.isEditable(step)) {
			BindingResult result = new BeanPropertyBindingResult(form, "form");
			WaldurFieldErrors.apply(result, rejected);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		}
		if (step == OnboardingStep.OFFERING && StepPages.editing(session, step, viewer, editRequested, last)) {
			OfferingStepController.addPickers(model, this.pickers, (OfferingForm) form, session);
		}
	}

}
