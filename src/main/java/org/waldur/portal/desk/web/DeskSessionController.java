package org.waldur.portal.desk.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.desk.SupportDesk;
import org.waldur.portal.onboarding.OfferingChoice;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.OnboardingAccessDeniedException;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.waldur.WaldurRequestPreview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One onboarding at the support desk: its timeline, what exists in Waldur, and the
 * actions resume, reconcile now, assign or hand over, add a note and abandon.
 */
@Controller
@RequestMapping("/desk/sessions/{id}")
class DeskSessionController {

	/** This page, where a refused action is explained. */
	private static final String PAGE = "/desk/sessions/{id}";

	private final Onboarding onboarding;

	private final SupportDesk desk;

	DeskSessionController(Onboarding onboarding, SupportDesk desk) {
		this.onboarding = onboarding;
		this.desk = desk;
	}

	@GetMapping
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable String keep, Viewer viewer,
			Model model) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		boolean mayChange = viewer.mayChange(session);
		boolean open = session.getStatus().isOpen();
		model.addAttribute("section", "onboarding");
		model.addAttribute("onboarding", session);
		model.addAttribute("timeline", this.desk.timeline(id, viewer));
		OnboardingStep stuck = this.desk.stuckStep(session);
		model.addAttribute("stuckStep", stuck);
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("canAct", mayChange && open);
		WaldurRequestPreview preview = (mayChange && open && stuck != null)
				? this.onboarding.preview(session, stuck).orElse(null) : null;
		// Running the step again cannot settle which offering to keep; the choice below
		// can.
		model.addAttribute("canReconcile", preview != null && !session.awaitsOfferingChoice());
		model.addAttribute("offeringChoice", OfferingChoice.of(session, viewer, keep));
		model.addAttribute("leftInWaldur", session.offeringsLeftInWaldur());
		model.addAttribute("reconcilePreview", preview);
		if (stuck != null) {
			model.addAttribute("reconcile", session.step(stuck).mustReconcile());
			model.addAttribute("settling", this.onboarding.isSettling(session, stuck));
			model.addAttribute("settlesAt", session.step(stuck).getSettlesAt());
			model.addAttribute("settleSeconds", this.onboarding.secondsUntilSettled(session, stuck));
		}
		model.addAttribute("assignedToMe", viewer.username().equals(session.getAssignee()));
		model.addAttribute("candidates", (mayChange && open)
				? this.desk.handOverCandidates().stream().filter((name) -> !name.equals(session.getAssignee())).toList()
				: List.of());
		model.addAttribute("maxNote", SupportDesk.MAX_NOTE);
		return "desk/session";
	}

	@PostMapping("/reconcile")
	@BackOnRefusal(PAGE)
	String reconcile(@PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "") String fingerprint,
			@RequestParam(defaultValue = "false") boolean confirmed, Viewer viewer, RedirectAttributes redirect) {
		if (!confirmed) {
			if (!viewer.mayChange(this.onboarding.get(id, viewer))) {
				throw new OnboardingAccessDeniedException("Only support staff or the operator can reconcile it.");
			}
			// Shown next to the box, where the user is looking.
			redirect.addFlashAttribute("confirmFor", "reconcile-confirmed");
			redirect.addFlashAttribute("confirmError",
					"Tick the box to confirm that the portal may ask Waldur and continue. Nothing was sent.");
			return back(id) + "#reconcile-confirmed";
		}
		StepAttempt attempt = this.desk.reconcile(id, version, fingerprint, viewer);
		redirect.addFlashAttribute(attempt.getOutcome().isSuccess() ? "flashSuccess" : "flashError",
				attempt.getStep().title() + ": " + attempt.getOutcome().label() + ". " + attempt.getMessage());
		return back(id);
	}

	@PostMapping("/offering-choice")
	@BackOnRefusal(PAGE)
	String chooseOffering(@PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "") String offering, Viewer viewer, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.onboarding.chooseOffering(id, version, offering, viewer),
				"The onboarding keeps offering " + offering
						+ ". The others stay in Waldur, listed for clean-up; nothing was deleted there.");
	}

	@PostMapping("/assign")
	@BackOnRefusal(PAGE)
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable String note, Viewer viewer, RedirectAttributes redirect) {
		String target = (assignee == null || assignee.isBlank()) ? viewer.username() : assignee.strip();
		return act(id, redirect, () -> this.desk.handOver(id, target, note, viewer),
				target.equals(viewer.username()) ? "Assigned to you." : "Handed over to " + target + ".");
	}

	@PostMapping("/notes")
	@BackOnRefusal(PAGE)
	String note(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Viewer viewer,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.desk.addNote(id, note, viewer), "Note added.");
	}

	@PostMapping("/abandon")
	@BackOnRefusal(PAGE)
	String abandon(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, Viewer viewer, RedirectAttributes redirect) {
		if (!confirmed) {
			if (!viewer.mayChange(this.onboarding.get(id, viewer))) {
				throw new OnboardingAccessDeniedException("Only support staff or the operator can abandon it.");
			}
			// The message appears next to the box, where the user is looking.
			redirect.addFlashAttribute("abandonError", "Tick the box to confirm that this onboarding is given up.");
			redirect.addFlashAttribute("abandonReason", reason == null ? "" : reason.strip());
			return back(id) + "#abandon";
		}
		return act(id, redirect, () -> this.desk.abandon(id, version, reason, viewer),
				"Onboarding abandoned. Nothing was deleted in Waldur.");
	}

	private static String act(long id, RedirectAttributes redirect, Runnable action, String success) {
		action.run();
		redirect.addFlashAttribute("flashSuccess", success);
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/desk/sessions/" + id;
	}

}
