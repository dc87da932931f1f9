package org.waldur.portal.agent.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.agent.AgentConfig;
import org.waldur.portal.agent.AgentConfigRefusedException;
import org.waldur.portal.agent.AgentFile;
import org.waldur.portal.agent.AgentHandover;
import org.waldur.portal.agent.CheckOutcome;
import org.waldur.portal.agent.CheckResult;
import org.waldur.portal.agent.HandoverCheck;
import org.waldur.portal.agent.HandoverStatus;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The hand-over page of a completed onboarding: the checklist and its re-run, the SLURM
 * settings with a preview of the agent configuration (token never shown), and the
 * downloads. Files carrying the token are POST-only, need a ticked confirmation and are
 * audited.
 */
@Controller
@RequestMapping("/onboarding/{id}/agent")
class AgentController {

	private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

	private final AgentHandover handover;

	AgentController(AgentHandover handover) {
		this.handover = handover;
	}

	@GetMapping
	String page(@PathVariable long id, @Valid @ModelAttribute("settings") AgentSettingsForm settings,
			BindingResult result, Viewer viewer, Model model) {
		HandoverStatus status = this.handover.status(id, viewer);
		validate(status.session(), settings, result);
		model.addAttribute("section", "onboarding");
		model.addAttribute("units", AgentHandover.units());
		model.addAttribute("requiredQos", AgentHandover.requiredQos(status.session()));
		model.addAttribute("clusterNameMismatch",
				AgentHandover.clusterNameMismatch(status.session(), settings.toSettings()));
		model.addAttribute("installCommands", String.join("\n", NextCommands.install()));
		model.addAttribute("checkCommands", String.join("\n", NextCommands.diagnose(settings.toSettings())));
		model.addAttribute("status", status);
		model.addAttribute("onboarding", status.session());
		model.addAttribute("checks", rows(status.results()));
		model.addAttribute("sandbox", this.handover.sandbox());
		model.addAttribute("waldurApiUrl", this.handover.waldurApiUrl());
		if (status.completed() && !result.hasErrors()) {
			model.addAttribute("config", this.handover.preview(id, viewer, settings.toSettings()));
			model.addAttribute("hidden", settings.parameters());
		}
		model.addAttribute("referencedCommands", String.join("\n", NextCommands.referenced()));
		model.addAttribute("embeddedCommands", String.join("\n", NextCommands.embedded()));
		model.addAttribute("runCommands", String.join("\n", NextCommands.run()));
		return "agent/handover";
	}

	@PostMapping("/checks")
	String runChecks(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		List<CheckResult> results = this.handover.runChecks(id, viewer);
		long failed = results.stream().filter((r) -> !r.passed()).count();
		redirect.addFlashAttribute((failed == 0) ? "flashSuccess" : "flashError", HandoverStatus.summary(results));
		return "redirect:/onboarding/" + id + "/agent#checks";
	}

	@PostMapping("/simulate-start")
	String simulateStart(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		if (!this.handover.sandbox()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<CheckResult> results = this.handover.simulateAgentStart(id, viewer);
		boolean running = results.stream()
			.anyMatch((r) -> r.check() == HandoverCheck.AGENT_RUNNING && r.outcome() == CheckOutcome.PASSED);
		redirect.addFlashAttribute(running ? "flashSuccess" : "flashError", running
				? "The sandbox now holds the agent's registration, as a started agent leaves it; the checks ran again."
				: "The simulated start did not make the agent look running; see the checks.");
		return "redirect:/onboarding/" + id + "/agent#checks";
	}

	@GetMapping("/systemd/{mode}.service")
	ResponseEntity<String> unit(@PathVariable long id, @PathVariable String mode, Viewer viewer) {
		if (!AgentHandover.units().containsKey(mode)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String unit = this.handover.systemdUnit(id, viewer, mode);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(AgentHandover.units().get(mode)).build().toString())
			.body(unit);
	}

	/**
	 * Settings that depend on the onboarding: the QoS names its integration options need
	 * and a time zone the agent knows.
	 */
	private void validate(org.waldur.portal.onboarding.OnboardingSession session, AgentSettingsForm settings,
			BindingResult result) {
		AgentHandover.RequiredQos required = AgentHandover.requiredQos(session);
		if (required.paused() && blank(settings.getQosPaused())) {
			result.rejectValue("qosPaused", "required", "Enter the SLURM QoS for paused resources, such as paused: "
					+ "the offering supports pausing (supports_pausing).");
		}
		if (required.downscaled() && blank(settings.getQosDownscaled())) {
			result.rejectValue("qosDownscaled", "required", "Enter the SLURM QoS for downscaled resources, such as "
					+ "limited: the offering supports downscaling (supports_downscaling).");
		}
		if (!result.hasFieldErrors("timezone") && !settings.validTimezone()) {
			result.rejectValue("timezone", "zone",
					"Enter a time zone name such as UTC or Europe/Tallinn, the zone Waldur bills in.");
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** A POST, because each download is recorded. */
	@PostMapping("/config.yaml")
	Object config(@PathVariable long id, @Valid @ModelAttribute("settings") AgentSettingsForm settings,
			BindingResult result, @RequestParam(defaultValue = "false") boolean componentsReviewed, Viewer viewer,
			HttpServletRequest request) {
		validate(this.handover.status(id, viewer).session(), settings, result);
		if (result.hasErrors()) {
			return "redirect:" + url(id, "", settings);
		}
		request.setAttribute(BackOnRefusal.PAGE, url(id, "", settings) + "#configuration");
		AgentConfig config = this.handover.downloadConfig(id, viewer, settings.toSettings(), componentsReviewed);
		return attachment(AgentFile.CONFIG_REFERENCED, YAML, config.yaml());
	}

	@PostMapping("/config-with-token.yaml")
	Object configWithToken(@PathVariable long id, @Valid @ModelAttribute("settings") AgentSettingsForm settings,
			BindingResult result, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "false") boolean componentsReviewed, Viewer viewer, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.handover.requireTokenDownload(id, viewer);
		validate(this.handover.status(id, viewer).session(), settings, result);
		if (!confirmed) {
			return unconfirmed(id, settings, "token-confirmed", redirect);
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("flashError", "Correct the SLURM settings first. Nothing was downloaded.");
			return "redirect:" + url(id, "", settings) + "#downloads";
		}
		request.setAttribute(BackOnRefusal.PAGE, url(id, "", settings) + "#configuration");
		AgentConfig config = this.handover.downloadConfigWithToken(id, viewer, settings.toSettings(),
				componentsReviewed);
		return attachment(AgentFile.CONFIG_WITH_TOKEN, YAML, config.yaml());
	}

	@PostMapping("/agent.env")
	Object envFile(@PathVariable long id, @ModelAttribute("settings") AgentSettingsForm settings,
			@RequestParam(defaultValue = "false") boolean confirmed, Viewer viewer, RedirectAttributes redirect) {
		this.handover.requireTokenDownload(id, viewer);
		if (!confirmed) {
			return unconfirmed(id, settings, "env-confirmed", redirect);
		}
		return attachment(AgentFile.ENV_FILE, new MediaType("text", "plain", StandardCharsets.UTF_8),
				this.handover.downloadEnvFile(id, viewer));
	}

	/** An unticked box is explained next to the box, where the user is looking. */
	private static String unconfirmed(long id, AgentSettingsForm settings, String box, RedirectAttributes redirect) {
		redirect.addFlashAttribute("confirmFor", box);
		redirect.addFlashAttribute("confirmError", "Tick the box to confirm that you will keep the file secret: it "
				+ "contains the service-account token. Nothing was downloaded.");
		return "redirect:" + url(id, "", settings) + "#" + box;
	}

	/**
	 * A configuration that is not handed out as it stands is explained where the download
	 * named (the configuration section); nothing was downloaded. Elsewhere it keeps its
	 * status (409).
	 */
	@ExceptionHandler(AgentConfigRefusedException.class)
	String refused(AgentConfigRefusedException refusal, HttpServletRequest request, RedirectAttributes redirect) {
		if (!(request.getAttribute(BackOnRefusal.PAGE) instanceof String page)) {
			throw refusal;
		}
		redirect.addFlashAttribute("flashError", refusal.getMessage());
		return "redirect:" + page;
	}

	private static ResponseEntity<String> attachment(AgentFile file, MediaType type, String body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(body);
	}

	private static String url(long id, String path, AgentSettingsForm settings) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/onboarding/{id}/agent" + path);
		settings.parameters().forEach(builder::queryParam);
		return builder.buildAndExpand(id).encode().toUriString();
	}

	private static List<CheckRow> rows(List<CheckResult> results) {
		return Arrays.stream(HandoverCheck.values())
			.map((check) -> new CheckRow(check,
					results.stream().filter((r) -> r.check() == check).findFirst().orElse(null)))
			.toList();
	}

	/**
	 * A line of the checklist.
	 *
	 * @param check the check
	 * @param result its last recorded result, or {@code null} if it never ran
	 */
	record CheckRow(HandoverCheck check, @Nullable CheckResult result) {

		/** Whether the check ran and passed cleanly. */
		public boolean passed() {
			return this.result != null && this.result.outcome().isClean();
		}

		/** Whether the check ran and passed with a warning. */
		public boolean warned() {
			return this.result != null && this.result.outcome().isWarning();
		}

		/** Whether the check ran and failed. */
		public boolean failed() {
			return this.result != null && this.result.outcome().isFailed();
		}

		/**
		 * Whether this is the check that the agent runs, which reads "Agent running" when
		 * it passed.
		 */
		public boolean agentRunning() {
			return this.check == HandoverCheck.AGENT_RUNNING;
		}

	}

}
