package org.waldur.portal.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.onboarding.OfferingChoice;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One page per wizard step: show it, save its inputs (integration and service account;
 * the offering has {@link OfferingStepController}), and run it against Waldur after the
 * user confirmed the previewed request.
 */
@Controller
@RequestMapping("/onboarding/{id}/steps")
class StepController {

	private final Onboarding onboarding;

	private final StepPages pages;

	private final StepForms forms;

	StepController(Onboarding onboarding, StepPages pages, StepForms forms) {
		this.onboarding = onboarding;
		this.pages = pages;
		this.forms = forms;
	}

	@GetMapping("/{step}")
	String show(@PathVariable long id, @PathVariable OnboardingStep step,
			@RequestParam(defaultValue = "false") boolean edit, @RequestParam(required = false) @Nullable String keep,
			Viewer viewer, Model model) {
		if (step == OnboardingStep.SERVICE_PROVIDER) {
			return "redirect:" + StepPages.href(id, OnboardingStep.OFFERING) + "#prerequisites";
		}
		if (!step.inWizard()) {
			return "redirect:/onboarding/" + id + "/summary";
		}
		OnboardingSession session = this.onboarding.get(id, viewer);
		this.forms.addForm(model, session, step, viewer, edit);
		this.pages.fill(model, session, step, viewer, edit);
		if (keep != null && step == OnboardingStep.OFFERING) {
			model.addAttribute("offeringChoice", OfferingChoice.of(session, viewer, keep));
		}
		return "onboarding/step";
	}

	@PostMapping("/integration")
	String saveIntegration(@PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("form") IntegrationForm form, BindingResult result, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		return save(id, OnboardingStep.INTEGRATION, result,
				() -> this.onboarding.saveIntegration(id, version, form.toInput(), viewer),
				"Integration options saved. Check the request below.", viewer, model, redirect);
	}

	@PostMapping("/service-account")
	String saveAccount(@PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		return save(id, OnboardingStep.SERVICE_ACCOUNT, result,
				() -> this.onboarding.saveAccount(id, version, form.toInput(), viewer),
				"Service account details saved. Check the request below.", viewer, model, redirect);
	}

	@PostMapping("/keep-token")
	String saveKeepToken(@PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("form") KeepTokenForm form, BindingResult result, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		// hours that could not be read are not also missing
		if (form.hoursMissing() && !result.hasFieldErrors("hours")) {
			result.rejectValue("hours", "required",
					"Enter after how many hours without use the token expires, for example 720 (30 days).");
		}
		return save(id, OnboardingStep.KEEP_TOKEN, result,
				() -> this.onboarding.saveKeepToken(id, version, form.toSeconds(), viewer),
				"Token lifetime saved. Check the request below.", viewer, model, redirect);
	}

	/**
	 * Saves a step's inputs and goes to its preview. A refusal (the onboarding changed
	 * since the page was opened, or the step can no longer be edited) is shown above the
	 * form, which keeps what was typed.
	 */
	private String save(long id, OnboardingStep step, BindingResult result, Runnable save, String saved, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				save.run();
				redirect.addFlashAttribute("flashSuccess", saved);
				return "redirect:" + StepPages.href(id, step) + "#preview";
			}
			catch (StepNotRunnableException ex) {
				result.reject("state", ex.getMessage());
			}
		}
		this.pages.fill(model, this.onboarding.get(id, viewer), step, viewer, true);
		return "onboarding/step";
	}

	@PostMapping("/{step}/run")
	String run(@PathVariable long id, @PathVariable OnboardingStep step, @RequestParam long version,
			@RequestParam(defaultValue = "") String fingerprint, Viewer viewer, HttpServletRequest request,
			RedirectAttributes redirect) {
		request.setAttribute(BackOnRefusal.PAGE, back(id, step));
		StepAttempt attempt = this.onboarding.run(id, step, version, fingerprint, viewer);
		if (!attempt.getOutcome().isSuccess()) {
			redirect.addFlashAttribute("flashError", StepPages.failedRun(step, attempt));
			return "redirect:" + back(id, step);
		}
		redirect.addFlashAttribute("flashSuccess", done(step, attempt));
		if (step == OnboardingStep.SERVICE_PROVIDER) {
			return "redirect:" + back(id, step);
		}
		// The fetched token is shown once, on the summary; it leads on to the next step.
		return (step.next() != null && step.inWizard() && step != OnboardingStep.TOKEN)
				? "redirect:" + StepPages.href(id, step.next()) : "redirect:/onboarding/" + id + "/summary";
	}

	/** The page a run of {@code step} goes back to when it did not succeed. */
	private static String back(long id, OnboardingStep step) {
		if (step == OnboardingStep.SERVICE_PROVIDER) {
			return StepPages.href(id, OnboardingStep.OFFERING) + "#prerequisites";
		}
		return step.inWizard() ? "/onboarding/" + id + "/steps/" + step.slug() : "/onboarding/" + id + "/summary";
	}

	/**
	 * "Step 4 done: Service account created in Waldur." (the step's name is in the
	 * message already); steps outside the wizard are named.
	 */
	private static String done(OnboardingStep step, StepAttempt attempt) {
		String message = attempt.getMessage();
		return step.inWizard() ? "Step " + step.number() + " done: " + message : step.title() + ": " + message;
	}

}
