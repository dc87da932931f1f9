package org.waldur.portal.onboarding.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.OfferingChoice;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingAccessDeniedException;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepExecution;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starting an onboarding (the list at {@code GET /onboarding} is the support desk's), its
 * summary page (what exists in Waldur, the history of attempts, the token shown once),
 * token reveal and refresh, and abandoning.
 */
@Controller
@RequestMapping("/onboarding")
class OnboardingController {

	/** The longest name of a draft (the title column). */
	static final int MAX_NAME = 150;

	private static final String SUMMARY = "/onboarding/{id}/summary";

	private final Onboarding onboarding;

	private final StepPages pages;

	OnboardingController(Onboarding onboarding, StepPages pages) {
		this.onboarding = onboarding;
		this.pages = pages;
	}

	/** An empty form: nothing is stored until it is saved. */
	@GetMapping("/new")
	String newForm(Viewer viewer, Model model) {
		if (!viewer.mayStart()) {
			throw new OnboardingAccessDeniedException("Only operators and support staff start onboardings.");
		}
		model.addAttribute("section", "onboarding");
		model.addAttribute("name", "");
		return "onboarding/new";
	}

	/** The first save: the draft exists from here on, under its name. */
	@PostMapping
	String start(@RequestParam(required = false) @Nullable String name, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			if (!viewer.mayStart()) {
				throw new OnboardingAccessDeniedException("Only operators and support staff start onboardings.");
			}
			model.addAttribute("section", "onboarding");
			model.addAttribute("name", trimmed);
			model.addAttribute("nameError", "Enter a name for this onboarding of up to " + MAX_NAME
					+ " characters, for example the cluster's name \"Alpha cluster\".");
			return "onboarding/new";
		}
		OnboardingSession session = this.onboarding.start(viewer, trimmed);
		redirect.addFlashAttribute("flashSuccess",
				"Draft '" + trimmed + "' saved. Describe the offering next; you can stop and continue later.");
		return "redirect:" + StepPages.href(session, OnboardingStep.OFFERING);
	}

	/**
	 * Deletes a draft nothing of which reached Waldur, after the tick-box confirmation.
	 */
	@PostMapping("/{id}/delete")
	@BackOnRefusal(SUMMARY)
	String delete(@PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean confirmed, Viewer viewer, RedirectAttributes redirect) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		if (!viewer.mayChange(session)) {
			throw new OnboardingAccessDeniedException("Only support staff or the operator can delete it.");
		}
		if (!confirmed) {
			redirect.addFlashAttribute("confirmFor", "delete-confirmed");
			redirect.addFlashAttribute("confirmError", "Tick the box to confirm that this draft is deleted.");
			return "redirect:/onboarding/" + id + "/summary#delete-confirmed";
		}
		this.onboarding.deleteDraft(id, version, viewer);
		redirect.addFlashAttribute("flashSuccess", "Draft '" + session.getTitle() + "' deleted.");
		return "redirect:/";
	}

	@GetMapping("/{id}")
	String resume(@PathVariable long id, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		return session.getStatus().isOpen() ? "redirect:" + StepPages.href(session, session.getCurrentStep())
				: "redirect:/onboarding/" + id + "/summary";
	}

	@GetMapping("/{id}/summary")
	String summary(@PathVariable long id, Viewer viewer, Model model) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		boolean mayChange = viewer.mayChange(session);
		// Viewing changes nothing: the token is shown, and its showing recorded, on POST.
		model.addAttribute("tokenNotShownYet",
				mayChange && session.hasServiceToken() && !session.isServiceTokenDisplayed());
		model.addAttribute("section", "onboarding");
		model.addAttribute("onboarding", session);
		model.addAttribute("steps", this.pages.indicator(session, null));
		model.addAttribute("attempts", this.onboarding.attempts(id, viewer));
		model.addAttribute("offeringChoice", OfferingChoice.of(session, viewer, null));
		model.addAttribute("leftInWaldur", session.offeringsLeftInWaldur());
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("completed", session.isCompleted());
		model.addAttribute("canAbandon", mayChange && session.getStatus().isOpen());
		model.addAttribute("canDelete", mayChange && session.isDeletableDraft());
		StepExecution refresh = session.step(OnboardingStep.TOKEN_REFRESH);
		model.addAttribute("refresh", refresh);
		model.addAttribute("refreshSettling", this.onboarding.isSettling(session, OnboardingStep.TOKEN_REFRESH));
		model.addAttribute("refreshSettleSeconds",
				this.onboarding.secondsUntilSettled(session, OnboardingStep.TOKEN_REFRESH));
		model.addAttribute("refreshPreview", session.canRun(OnboardingStep.TOKEN_REFRESH)
				? this.onboarding.preview(session, OnboardingStep.TOKEN_REFRESH).orElse(null) : null);
		return "onboarding/summary";
	}

	@PostMapping("/{id}/token/reveal")
	String reveal(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "reveal-confirmed") String box, Viewer viewer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!confirmed) {
			// Who may not see it, or when there is nothing to see, hears that first.
			this.onboarding.requireRevealable(id, viewer);
			String target = "show-token-confirmed".equals(box) ? box : "reveal-confirmed";
			redirect.addFlashAttribute("confirmFor", target);
			redirect.addFlashAttribute("confirmError",
					"Tick the box to confirm that you will keep the token secret. It was not shown.");
			return "redirect:/onboarding/" + id + "/summary#" + target;
		}
		model.addAttribute("token", this.onboarding.revealToken(id, viewer));
		model.addAttribute("onboarding", this.onboarding.get(id, viewer));
		model.addAttribute("section", "onboarding");
		noStore(response);
		return "onboarding/token";
	}

	@PostMapping("/{id}/token/refresh")
	@BackOnRefusal(SUMMARY)
	String refresh(@PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "") String fingerprint, Viewer viewer, RedirectAttributes redirect) {
		// A check after an unclear refresh only reads Waldur: it needs no confirmation.
		boolean check = this.onboarding.get(id, viewer).step(OnboardingStep.TOKEN_REFRESH).mustReconcile();
		if (!confirmed && !check) {
			// Shown next to the box, where the user is looking.
			redirect.addFlashAttribute("confirmFor", "confirm-refresh");
			redirect.addFlashAttribute("confirmError",
					"Tick the box to confirm that the current token stops working at once. Nothing was sent.");
			return "redirect:/onboarding/" + id + "/summary#confirm-refresh";
		}
		StepAttempt attempt = this.onboarding.run(id, OnboardingStep.TOKEN_REFRESH, version, fingerprint, viewer);
		boolean settled = attempt.getOutcome().isSuccess() || attempt.getOutcome() == AttemptOutcome.NOT_APPLIED;
		redirect.addFlashAttribute(settled ? "flashSuccess" : "flashError", "Token refresh: " + attempt.getMessage());
		return "redirect:/onboarding/" + id + "/summary";
	}

	@PostMapping("/{id}/abandon")
	@BackOnRefusal(SUMMARY)
	String abandon(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, Viewer viewer, RedirectAttributes redirect) {
		// Blank text arrives as null: the form binder trims strings and turns blanks to
		// null.
		String trimmed = (reason != null) ? reason.strip() : "";
		boolean reasonOk = !trimmed.isEmpty() && trimmed.length() <= 1000;
		if (!reasonOk || !confirmed) {
			if (!viewer.mayChange(this.onboarding.get(id, viewer))) {
				throw new OnboardingAccessDeniedException("Only support staff or the operator can abandon it.");
			}
			// The messages appear next to their fields, where the user is looking.
			if (!reasonOk) {
				redirect.addFlashAttribute("abandonReasonError",
						"Give a reason of up to 1000 characters, for example \"the provider withdrew\".");
			}
			if (!confirmed) {
				redirect.addFlashAttribute("abandonError", "Tick the box to confirm that this onboarding is given up.");
			}
			redirect.addFlashAttribute("abandonReason", trimmed);
			return "redirect:/onboarding/" + id + "/summary#abandon";
		}
		this.onboarding.abandon(id, version, trimmed, viewer);
		redirect.addFlashAttribute("flashSuccess",
				"Onboarding abandoned. Nothing was deleted in Waldur; the list below shows what exists there.");
		return "redirect:/onboarding/" + id + "/summary";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
	}

}
