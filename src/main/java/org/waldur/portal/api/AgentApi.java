package org.waldur.portal.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.agent.AgentConfig;
import org.waldur.portal.agent.AgentHandover;
import org.waldur.portal.agent.AgentSettings;
import org.waldur.portal.agent.CheckResult;
import org.waldur.portal.agent.ConfigViolation;
import org.waldur.portal.agent.HandoverStatus;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hand-over to the site agent: the recorded checks, running them again, and the
 * agent's configuration (the token left as a reference to the environment file).
 */
@RestController
@RequestMapping("/api/v1/onboardings/{id}/agent")
@Tag(name = "Site agent hand-over")
@SecurityRequirement(name = "portal-token")
class AgentApi {

	private final AgentHandover handover;

	AgentApi(AgentHandover handover) {
		this.handover = handover;
	}

	/**
	 * One check's last result.
	 *
	 * @param check its name
	 * @param title what it checks
	 * @param outcome how it ended
	 * @param passed whether it passed (warnings pass)
	 * @param detail what it found
	 * @param checkedAt when
	 * @param actor who ran it
	 */
	record Check(String check, String title, String outcome, boolean passed, String detail, Instant checkedAt,
			String actor) {

		static Check of(CheckResult result) {
			return new Check(result.check().name(), result.check().title(), result.outcome().name(), result.passed(),
					result.detail(), result.checkedAt(), result.actor());
		}

	}

	/**
	 * Where the hand-over stands.
	 *
	 * @param completed whether the onboarding is completed
	 * @param missing what is still missing, one line per step
	 * @param allPassed whether every check ran and passed
	 * @param lastChecked when the checks last ran
	 * @param checks the last result of each check
	 */
	record Handover(boolean completed, List<String> missing, boolean allPassed, @Nullable Instant lastChecked,
			List<Check> checks) {

		static Handover of(HandoverStatus status) {
			return new Handover(status.completed(), status.missing(), status.allPassed(), status.lastChecked(),
					status.results().stream().map(Check::of).toList());
		}

	}

	/**
	 * The agent's configuration with the default settings.
	 *
	 * @param yaml {@code waldur-site-agent-config.yaml}, the token referenced from the
	 * environment file
	 * @param valid whether it passed the validator
	 * @param violations what the validator found
	 * @param componentChanges how the offering's components changed in Waldur since
	 */
	record Config(String yaml, boolean valid, List<ConfigViolation> violations, List<String> componentChanges) {
	}

	@GetMapping
	@Operation(summary = "Where the hand-over stands, with the last result of each check")
	Handover status(@PathVariable long id, Viewer viewer) {
		return Handover.of(this.handover.status(id, viewer));
	}

	@PostMapping("/checks")
	@Operation(summary = "Run the hand-over checks against Waldur now (recorded)",
			description = "Needs an Idempotency-Key.")
	Handover runChecks(@PathVariable long id, Viewer viewer) {
		this.handover.runChecks(id, viewer);
		return Handover.of(this.handover.status(id, viewer));
	}

	@GetMapping("/config")
	@Operation(summary = "The site agent's configuration (token referenced, never embedded)")
	Config config(@PathVariable long id, Viewer viewer) {
		AgentConfig config = this.handover.preview(id, viewer, AgentSettings.defaults());
		return new Config(config.yaml(), config.valid(), config.violations(), config.componentChanges());
	}

}
