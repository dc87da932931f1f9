package org.waldur.portal.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.onboarding.web.AccountForm;
import org.waldur.portal.onboarding.web.IntegrationForm;
import org.waldur.portal.onboarding.web.KeepTokenForm;
import org.waldur.portal.onboarding.web.OfferingForm;
import org.waldur.portal.onboarding.web.StepInputs;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Onboardings and their inputs: create one with any of its inputs in one request, read
 * one, and save each step's inputs. The same use cases and the same form rules as the
 * wizard.
 */
@RestController
@RequestMapping("/api/v1/onboardings")
@Tag(name = "Onboardings")
@SecurityRequirement(name = "portal-token")
class OnboardingApi {

	private final Onboarding onboarding;

	private final StepInputs inputs;

	private final Clock clock;

	OnboardingApi(Onboarding onboarding, StepInputs inputs, Clock clock) {
		this.onboarding = onboarding;
		this.inputs = inputs;
		this.clock = clock;
	}

	@PostMapping
	@Operation(summary = "Start an onboarding, with any of its inputs",
			description = "Needs an Idempotency-Key header. Inputs are checked as in the wizard (the organisation "
					+ "and category in Waldur) before anything is stored.")
	ResponseEntity<OnboardingView> create(@Valid @RequestBody CreateOnboarding body, Viewer viewer) {
		OfferingInput offering = (body.offering() != null) ? offeringOf(body.offering(), "offering.") : null;
		long id = java.util.Objects.requireNonNull(this.onboarding.start(viewer).getId());
		if (offering != null && body.offering() != null) {
			this.onboarding.saveOffering(id, version(id, viewer), offering, body.offering().getOwnerToken(), false,
					viewer);
		}
		if (body.integration() != null) {
			this.onboarding.saveIntegration(id, version(id, viewer), this.inputs.integration(body.integration()),
					viewer);
		}
		if (body.serviceAccount() != null) {
			this.onboarding.saveAccount(id, version(id, viewer), this.inputs.account(body.serviceAccount()), viewer);
		}
		if (body.keepToken() != null) {
			this.onboarding.saveKeepToken(id, version(id, viewer), keepTokenOf(body.keepToken(), "keepToken."), viewer);
		}
		return ResponseEntity.created(URI.create("/api/v1/onboardings/" + id)).body(view(id, viewer));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an onboarding: status, steps, Waldur identifiers, attempts with masked exchanges")
	OnboardingView get(@PathVariable long id, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		return OnboardingView.of(session, this.clock.instant(), this.onboarding.attempts(id, viewer));
	}

	@PutMapping("/{id}/offering")
	@Operation(summary = "Save the offering step's inputs",
			description = "If-Match with the onboarding's version refuses the save (409) when it changed since.")
	OnboardingView saveOffering(@PathVariable long id, @Valid @RequestBody OfferingForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Viewer viewer) {
		OfferingInput offering = offeringOf(form, "");
		this.onboarding.saveOffering(id, version(id, viewer, ifMatch), offering, form.getOwnerToken(),
				form.isForgetOwnerToken(), viewer);
		return view(id, viewer);
	}

	@PutMapping("/{id}/integration")
	@Operation(summary = "Save the integration options")
	OnboardingView saveIntegration(@PathVariable long id, @Valid @RequestBody IntegrationForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Viewer viewer) {
		this.onboarding.saveIntegration(id, version(id, viewer, ifMatch), this.inputs.integration(form), viewer);
		return view(id, viewer);
	}

	@PutMapping("/{id}/service-account")
	@Operation(summary = "Save the service-account user")
	OnboardingView saveAccount(@PathVariable long id, @Valid @RequestBody AccountForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Viewer viewer) {
		this.onboarding.saveAccount(id, version(id, viewer, ifMatch), this.inputs.account(form), viewer);
		return view(id, viewer);
	}

	@PutMapping("/{id}/keep-token")
	@Operation(summary = "Save the token lifetime the keep-token step sets",
			description = "expiry \"never\" (recommended) or \"hours\" with hours from 1 to 8760.")
	OnboardingView saveKeepToken(@PathVariable long id, @Valid @RequestBody KeepTokenForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Viewer viewer) {
		this.onboarding.saveKeepToken(id, version(id, viewer, ifMatch), keepTokenOf(form, ""), viewer);
		return view(id, viewer);
	}

	private OfferingInput offeringOf(OfferingForm form, String prefix) {
		try {
			return this.inputs.offering(form);
		}
		catch (StepInputs.InputsRejectedException ex) {
			throw fields(ex, prefix);
		}
	}

	private @Nullable Integer keepTokenOf(KeepTokenForm form, String prefix) {
		try {
			return this.inputs.keepTokenSeconds(form);
		}
		catch (StepInputs.InputsRejectedException ex) {
			throw fields(ex, prefix);
		}
	}

	private static ApiProblems.FieldsProblem fields(StepInputs.InputsRejectedException ex, String prefix) {
		List<ApiProblems.FieldProblem> errors = ex.fieldErrors()
			.entrySet()
			.stream()
			.map((Map.Entry<String, String> entry) -> new ApiProblems.FieldProblem(prefix + entry.getKey(),
					entry.getValue(), null))
			.toList();
		return new ApiProblems.FieldsProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-input",
				ex.getMessage(), errors);
	}

	private long version(long id, Viewer viewer) {
		return this.onboarding.get(id, viewer).getVersion();
	}

	/**
	 * The version in {@code If-Match} ({@code "3"} or {@code 3}), else the current one.
	 */
	static long version(Onboarding onboarding, long id, Viewer viewer, @Nullable String ifMatch) {
		if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.strip())) {
			String digits = ifMatch.strip().replace("W/", "").replace("\"", "");
			try {
				return Long.parseLong(digits);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("If-Match must carry the onboarding's version, such as \"3\".");
			}
		}
		return onboarding.get(id, viewer).getVersion();
	}

	private long version(long id, Viewer viewer, @Nullable String ifMatch) {
		return version(this.onboarding, id, viewer, ifMatch);
	}

	private OnboardingView view(long id, Viewer viewer) {
		return OnboardingView.of(this.onboarding.get(id, viewer), this.clock.instant(), null);
	}

}
