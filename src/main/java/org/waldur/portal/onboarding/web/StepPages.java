package org.waldur.portal.onboarding.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.OfferingChoice;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.Prerequisites;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepExecution;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.onboarding.TokenLifetimes;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.waldur.WaldurException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Builds what a step page shows: the indicator, the flags the template needs, the preview
 * of the request to confirm and the last attempt with Waldur's messages.
 */
@Component
class StepPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Onboarding onboarding;

	private final MessageSource messages;

	StepPages(Onboarding onboarding, MessageSource messages) {
		this.onboarding = onboarding;
		this.messages = messages;
	}

	/**
	 * Fills the model of a step page.
	 * @param editRequested whether the viewer asked to change saved inputs (the "Change"
	 * link) or is correcting a form
	 */
	void fill(Model model, OnboardingSession session, OnboardingStep step, Viewer viewer, boolean editRequested) {
		StepExecution execution = session.step(step);
		StepAttempt last = lastAttempt(model, session, step);
		boolean editing = editing(session, step, viewer, editRequested, last);
		StepStatus status = execution.getStatus();
		boolean mayChange = viewer.mayChange(session);
		boolean settling = this.onboarding.isSettling(session, step);
		model.addAttribute("section", "onboarding");
		model.addAttribute("onboarding", session);
		model.addAttribute("steps", indicator(session, step));
		OnboardingStep blocker = blockedBy(session, step);
		model.addAttribute("blockedBy", blocker);
		model.addAttribute("blockedByHref", (blocker != null) ? href(session, blocker) : null);
		model.addAttribute("step", step);
		model.addAttribute("stepStatus", status);
		model.addAttribute("stepDone", status == StepStatus.DONE);
		model.addAttribute("stepBadge", badge(status));
		// Only the offering is looked up by name before it is created.
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("editable", editable(session, step, viewer));
		model.addAttribute("editing", editing);
		model.addAttribute("reviewing", editable(session, step, viewer) && !editing);
		model.addAttribute("canRun", mayChange && session.canRun(step) && status != StepStatus.RUNNING);
		model.addAttribute("running", status == StepStatus.RUNNING);
		model.addAttribute("reconcile", execution.mustReconcile());
		model.addAttribute("settling", settling);
		model.addAttribute("settlesAt", execution.getSettlesAt());
		model.addAttribute("settleSeconds", this.onboarding.secondsUntilSettled(session, step));
		model.addAttribute("runLabel", runLabel(execution, settling, last));
		// The request is offered for confirmation only beside read-only inputs, so what
		// is confirmed is what was saved.
		model.addAttribute("preview",
				(session.canRun(step) && !editing) ? this.onboarding.preview(session, step).orElse(null) : null);
		model.addAttribute("lastAttempt", last);
		// A failed run's message comes back as a flash and is the last attempt's message,
		// which the page shows in full with what to do next: once is enough.
		if (last != null && !last.getOutcome().isSuccess()
				&& failedRun(step, last).equals(model.getAttribute("flashError"))) {
			model.addAttribute("flashError", null);
		}
		model.addAttribute("offeringChoice",
				(step == OnboardingStep.OFFERING) ? OfferingChoice.of(session, viewer, null) : null);
		model.addAttribute("previousHref", (step.previous() != null) ? href(session, step.previous()) : null);
		model.addAttribute("nextHref", (step.next() != null && session.step(step).getStatus() == StepStatus.DONE)
				? href(session, step.next()) : null);
		model.addAttribute("maxCallSeconds", this.onboarding.interruptedAfter().toSeconds());
		model.addAttribute("keepTokenChoice", TokenLifetimes.describe(session.getKeepTokenSeconds()));
		model.addAttribute("keepTokenReported", TokenLifetimes.describe(session.getServiceTokenLifetime()));
		model.addAttribute("waldurVersion", this.onboarding.waldur());
		if (step == OnboardingStep.OFFERING) {
			addPrerequisites(model, session, viewer);
		}
		model.addAttribute("usernamePolicies", Choice.USERNAME_POLICIES);
		model.addAttribute("accountPolicies", Choice.ACCOUNT_POLICIES);
		addFields(model);
	}

	/**
	 * The fields of the page's form, read once from its binding result (the one the
	 * request bound, or Waldur's rejection, or a fresh one), with the option lists of the
	 * offering's rows.
	 */
	private void addFields(Model model) {
		Object form = model.getAttribute("form");
		if (form == null) {
			return;
		}
		Object bound = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
		BindingResult result = (bound instanceof BindingResult given) ? given
				: new BeanPropertyBindingResult(form, "form");
		FormView fields = new FormView(result, this.messages);
		model.addAttribute("fields", fields);
		if (form instanceof OfferingForm offering) {
			model.addAttribute("componentRows",
					fields.rows("components", offering.getComponents().size(), ComponentRow.COLUMNS));
			model.addAttribute("planRows", fields.rows("plans", offering.getPlans().size(), PlanRow.COLUMNS));
		}
	}

	/**
	 * The offering step's prerequisites as Waldur answers now and, when the organisation
	 * is not a service provider yet (or a registration's outcome is unknown), the
	 * registration request for support staff to confirm. Also hides the step's own
	 * confirmation while the prerequisites are not met.
	 */
	private void addPrerequisites(Model model, OnboardingSession session, Viewer viewer) {
		// Only for someone who may go on: read-only views (auditors) call no Waldur.
		if (!viewer.mayChange(session) || session.getOfferingInput() == null
				|| session.step(OnboardingStep.OFFERING).getStatus() == StepStatus.DONE) {
			return;
		}
		Prerequisites prerequisites = null;
		try {
			prerequisites = this.onboarding.prerequisites(session).orElse(null);
		}
		catch (WaldurException ex) {
			model.addAttribute("prerequisitesProblem",
					"The portal could not check the organisation and category in Waldur: " + ex.getMessage());
		}
		model.addAttribute("prerequisites", prerequisites);
		if (prerequisites != null && !prerequisites.met()) {
			model.addAttribute("canRun", false);
		}
		OnboardingStep register = OnboardingStep.SERVICE_PROVIDER;
		StepExecution execution = session.step(register);
		boolean needed = (prerequisites != null && !prerequisites.serviceProvider()) || execution.mustReconcile();
		boolean offered = needed && session.canRun(register);
		boolean settling = this.onboarding.isSettling(session, register);
		model.addAttribute("providerNeeded", offered);
		model.addAttribute("mayRegisterProvider", offered && viewer.mayChooseOffering() && viewer.mayChange(session)
				&& execution.getStatus() != StepStatus.RUNNING);
		model.addAttribute("providerPreview", offered ? this.onboarding.preview(session, register).orElse(null) : null);
		model.addAttribute("providerReconcile", execution.mustReconcile());
		model.addAttribute("providerSettling", settling);
		model.addAttribute("providerSettlesAt", execution.getSettlesAt());
		model.addAttribute("providerSettleSeconds", this.onboarding.secondsUntilSettled(session, register));
		StepAttempt lastRegistration = this.onboarding.lastAttempt(session, register);
		model.addAttribute("providerLastAttempt", lastRegistration);
		model.addAttribute("providerRunLabel", runLabel(execution, settling, lastRegistration));
	}

	/** What a failed run of {@code step} says when it returns to the step's page. */
	static String failedRun(OnboardingStep step, StepAttempt attempt) {
		return step.title() + ": " + attempt.getMessage();
	}

	/**
	 * The last attempt of the step, read once per page: the first reader puts it on the
	 * model (as {@code lastAttempt}, which the page shows), later ones take it from
	 * there.
	 */
	@Nullable StepAttempt lastAttempt(Model model, OnboardingSession session, OnboardingStep step) {
		if (model.containsAttribute("lastAttempt")) {
			return (StepAttempt) model.getAttribute("lastAttempt");
		}
		StepAttempt last = this.onboarding.lastAttempt(session, step);
		model.addAttribute("lastAttempt", last);
		return last;
	}

	/**
	 * Whether the page shows the step's form: the viewer may change it and it is open.
	 */
	static boolean editable(OnboardingSession session, OnboardingStep step, Viewer viewer) {
		return viewer.mayChange(session) && session.isEditable(step);
	}

	/**
	 * Whether the page shows the step's form rather than its saved inputs: the step is
	 * editable and has no saved inputs yet, the viewer asked to change them, or Waldur
	 * rejected them field by field.
	 */
	static boolean editing(OnboardingSession session, OnboardingStep step, Viewer viewer, boolean editRequested,
			@Nullable StepAttempt last) {
		return editable(session, step, viewer)
				&& (editRequested || !saved(session, step) || !rejectedFields(last).isEmpty());
	}

	/** Whether the step has inputs of its own and they are saved. */
	static boolean saved(OnboardingSession session, OnboardingStep step) {
		return switch (step) {
			case OFFERING -> session.getOfferingInput() != null;
			case INTEGRATION -> session.getIntegrationInput() != null;
			case SERVICE_ACCOUNT -> session.getAccountInput() != null;
			default -> true;
		};
	}

	/** Waldur's field messages of the last attempt, when it was rejected. */
	static Map<String, List<String>> rejectedFields(@Nullable StepAttempt last) {
		if (last == null || last.getOutcome() != AttemptOutcome.REJECTED || last.getFieldErrors() == null) {
			return Map.of();
		}
		return JSON.readValue(last.getFieldErrors(), new TypeReference<Map<String, List<String>>>() {
		});
	}

	/**
	 * The step list, each entry's link with the portal's context path already in front
	 * (the list is on every step page; a link expression for each entry was a tenth of
	 * the list's cost).
	 */
	List<StepView> indicator(OnboardingSession session, @Nullable OnboardingStep shown) {
		String contextPath = contextPath();
		return OnboardingStep.wizard().stream().map((step) -> {
			StepStatus status = session.step(step).getStatus();
			String state = switch (status) {
				case DONE -> "done";
				case FAILED, NEEDS_RECONCILIATION -> "failed";
				case RUNNING -> "current";
				case TODO -> (step == session.getCurrentStep()) ? "current" : "todo";
			};
			return new StepView(step, status, state, step == shown, contextPath + href(session, step),
					blockedBy(session, step));
		}).toList();
	}

	private static String contextPath() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getContextPath() : "";
	}

	/**
	 * The earliest step that must be done before {@code step} can start, or {@code null}
	 * when it can start, is done or the onboarding is closed.
	 */
	static @Nullable OnboardingStep blockedBy(OnboardingSession session, OnboardingStep step) {
		if (!session.getStatus().isOpen() || session.step(step).getStatus() == StepStatus.DONE) {
			return null;
		}
		return step.prerequisites()
			.stream()
			.filter((earlier) -> session.step(earlier).getStatus() != StepStatus.DONE)
			.findFirst()
			.orElse(null);
	}

	static String href(OnboardingSession session, OnboardingStep step) {
		return href(session.getId(), step);
	}

	static String href(long id, OnboardingStep step) {
		return "/onboarding/" + id + "/steps/" + step.slug();
	}

	/** The colour of a step's status badge. */
	static String badge(StepStatus status) {
		return switch (status) {
			case DONE -> "text-bg-success";
			case FAILED, NEEDS_RECONCILIATION -> "text-bg-danger";
			case TODO, RUNNING -> "text-bg-secondary";
		};
	}

	private static String runLabel(StepExecution execution, boolean settling, @Nullable StepAttempt last) {
		if (execution.mustReconcile()) {
			return settling ? "Check Waldur (nothing is sent)" : "Check Waldur and continue";
		}
		if (last != null && !last.getOutcome().isSuccess()) {
			return "Retry: send to Waldur again";
		}
		return "Confirm and send to Waldur";
	}

}
