package org.waldur.portal.onboarding.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.waldur.WaldurException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The offering step's form: rows of components and plans are added and removed on the
 * server (so the page works without JavaScript), the pickers can be searched, and saving
 * checks the chosen organisation and category in Waldur.
 */
@Controller
class OfferingStepController {

	private static final int MAX_ROWS = 20;

	private final Onboarding onboarding;

	private final StepPages pages;

	private final Pickers pickers;

	private final SmartValidator validator;

	OfferingStepController(Onboarding onboarding, StepPages pages, Pickers pickers, SmartValidator validator) {
		this.onboarding = onboarding;
		this.pages = pages;
		this.pickers = pickers;
		this.validator = validator;
	}

	@PostMapping("/onboarding/{id}/steps/offering")
	String submit(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "save") String action,
			@ModelAttribute("form") OfferingForm form, BindingResult result, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		if ("save".equals(action)) {
			this.validator.validate(form, result);
			if (!result.hasErrors() && save(session, version, form, result, viewer)) {
				redirect.addFlashAttribute("flashSuccess", "Offering details saved. Check the request below.");
				return "redirect:/onboarding/" + id + "/steps/offering#preview";
			}
		}
		else {
			// A row just added takes the focus (its first field), with or without
			// JavaScript.
			model.addAttribute("autofocusId", edit(form, action));
			// The rows added or removed are not saved yet: leaving the page warns.
			model.addAttribute("unsavedChanges", true);
		}
		if (StepPages.editable(session, OnboardingStep.OFFERING, viewer)) {
			addPickers(model, this.pickers, form, session);
		}
		this.pages.fill(model, session, OnboardingStep.OFFERING, viewer, true);
		return "onboarding/step";
	}

	static void addPickers(Model model, Pickers pickers, OfferingForm form, OnboardingSession session) {
		OfferingInput saved = session.getOfferingInput();
		Pickers.Choice customer = (saved != null)
				? new Pickers.Choice(saved.customerUuid(), saved.customerUrl(), saved.customerName()) : null;
		Pickers.Choice category = (saved != null) ? new Pickers.Choice(OfferingForm.uuidOf(saved.categoryUrl()),
				saved.categoryUrl(), saved.categoryTitle()) : null;
		model.addAttribute("pickers",
				pickers.options(form.getCustomerQuery(), form.getCategoryQuery(), customer, category));
		model.addAttribute("hasOwnerToken", session.hasOwnerToken());
	}

	private boolean save(OnboardingSession session, long version, OfferingForm form, BindingResult result,
			Viewer viewer) {
		try {
			Optional<Pickers.Choice> customer = this.pickers.customer(form.getCustomerUuid());
			Optional<Pickers.Choice> category = this.pickers.category(form.getCategoryUuid());
			if (customer.isEmpty()) {
				result.rejectValue("customerUuid", "unknown", "This organisation is not known to Waldur.");
			}
			if (category.isEmpty()) {
				result.rejectValue("categoryUuid", "unknown", "This category is not known to Waldur.");
			}
			if (result.hasErrors()) {
				return false;
			}
			this.onboarding.saveOffering(session.getId(), version, form.toInput(customer.get(), category.get()),
					form.getOwnerToken(), form.isForgetOwnerToken(), viewer);
			return true;
		}
		catch (WaldurException ex) {
			result.reject("waldur", "Waldur could not check the organisation and category: " + ex.getMessage()
					+ " Your inputs are kept; save again when Waldur is back.");
		}
		catch (StepNotRunnableException ex) {
			result.reject("state", ex.getMessage());
		}
		return false;
	}

	/** Applies a row action; returns the id of the first field of a row it added. */
	private static @Nullable String edit(OfferingForm form, String action) {
		if ("add-component".equals(action) && form.getComponents().size() < MAX_ROWS) {
			form.getComponents().add(new ComponentRow());
			return "components" + (form.getComponents().size() - 1) + ".type";
		}
		if ("add-plan".equals(action) && form.getPlans().size() < MAX_ROWS) {
			form.getPlans().add(new PlanRow());
			return "plans" + (form.getPlans().size() - 1) + ".name";
		}
		if (action.startsWith("remove-component:")) {
			remove(form.getComponents(), index(action));
		}
		else if (action.startsWith("remove-plan:")) {
			remove(form.getPlans(), index(action));
		}
		return null;
	}

	private static void remove(java.util.List<?> rows, @Nullable Integer index) {
		if (index != null && index >= 0 && index < rows.size()) {
			rows.remove((int) index);
		}
	}

	private static @Nullable Integer index(String action) {
		try {
			return Integer.valueOf(action.substring(action.indexOf(':') + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
