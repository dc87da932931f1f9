package org.waldur.portal.onboarding;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.waldur.portal.waldur.Customer;
import org.waldur.portal.waldur.MarketplaceCategory;
import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.ServiceProvider;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurNotFoundException;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurUuid;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.pending;
import static org.waldur.portal.onboarding.StepSupport.require;

/**
 * Creates the {@code Marketplace.Slurm} offering after checking its prerequisites, or
 * adopts the one an earlier attempt created; also reads the offering support chose among
 * duplicates.
 */
@Component
class OfferingStepHandler implements StepHandler<Offering> {

	private final WaldurClient waldur;

	OfferingStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.OFFERING;
	}

	@Override
	public WaldurRequest<Offering> call(StepRun run) {
		return WaldurCalls.createOffering(run.credentialKind(),
				WaldurRequests.offering(require(run.offering(), "offering inputs")));
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		OfferingInput input = require(run.offering(), "offering inputs");
		if (!run.reconcile()) {
			Prerequisites prerequisites = prerequisites(input, calls);
			if (!prerequisites.met()) {
				// A missing category is shown on its field, as Waldur's own refusal would
				// be.
				Map<String, List<String>> fields = prerequisites.categoryExists() ? Map.of()
						: Map.of("category", List.of(Prerequisites.MISSING_CATEGORY));
				return StepOutcome.unchanged(AttemptOutcome.REJECTED,
						"Nothing was sent: " + prerequisites.summary() + " Fix this first, then run the step again.",
						calls.exchanges(), fields);
			}
		}
		List<Offering> existing = lookUp(run, input, calls);
		if (existing.size() > 1) {
			return run.reconcile() ? duplicates(calls, input.name(), existing)
					: calls.decision("Waldur already has " + existing.size() + " SLURM offerings named '" + input.name()
							+ "' for this organisation. Choose another name, or ask support which one to use.");
		}
		if (existing.size() == 1) {
			Offering offering = existing.get(0);
			if (!run.reconcile()) {
				return calls.decision("Waldur already has a SLURM offering named '" + input.name()
						+ "' for this organisation (" + offering.uuid() + "). Choose another name.");
			}
			Optional<String> difference = difference(input, offering);
			if (difference.isPresent()) {
				return calls.decision("Waldur has an offering named '" + input.name()
						+ "' that differs from what this onboarding sent (" + difference.get()
						+ "). A person must decide: rename this onboarding or clean up the offering in Waldur.");
			}
			return calls.done(AttemptOutcome.RECONCILED,
					"The offering created by an earlier attempt was found in Waldur and adopted.",
					StepResult.OfferingRecorded.of(offering));
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no offering named '" + input.name() + "' yet");
		}
		WaldurResult<Offering> created = this.waldur.send(call(run), run.credential());
		calls.add(created.exchange());
		if (run.reconcile()) {
			// The earlier request may still have landed after all: look again.
			List<Offering> after = lookUp(run, input, calls);
			if (after.size() > 1) {
				return duplicates(calls, input.name(), after);
			}
		}
		return calls.done(AttemptOutcome.SUCCEEDED, "Offering created in Waldur as a Draft.",
				StepResult.OfferingRecorded.of(created.value()));
	}

	/** The organisation's SLURM offerings with the onboarding's name. */
	private List<Offering> lookUp(StepRun run, OfferingInput input, StepOutcome.Builder calls) {
		WaldurResult<List<Offering>> found = this.waldur.findOfferings(run.credential(), input.name(),
				input.customerUuid());
		calls.add(found.exchange());
		return found.value();
	}

	/**
	 * Checks what the offering step assumes: the organisation is a registered service
	 * provider and not blocked or archived, and the category exists. Only reads Waldur,
	 * with the staff token.
	 */
	Prerequisites prerequisites(OfferingInput input, StepOutcome.Builder calls) {
		WaldurCredential staff = WaldurCredential.staff();
		WaldurResult<List<ServiceProvider>> providers = this.waldur.serviceProviders(staff, input.customerUuid());
		calls.add(providers.exchange());
		Boolean blocked;
		try {
			WaldurResult<Customer> customer = this.waldur.customer(staff, input.customerUuid());
			calls.add(customer.exchange());
			blocked = customer.value().unavailable();
		}
		catch (WaldurNotFoundException ex) {
			calls.add(ex.exchange());
			blocked = null;
		}
		boolean category;
		try {
			WaldurResult<MarketplaceCategory> found = this.waldur.category(staff, uuidOf(input.categoryUrl()));
			calls.add(found.exchange());
			category = true;
		}
		catch (WaldurNotFoundException ex) {
			calls.add(ex.exchange());
			category = false;
		}
		catch (IllegalArgumentException ex) {
			category = false;
		}
		return new Prerequisites(input.customerName(), !providers.value().isEmpty(), blocked, category);
	}

	/**
	 * The UUID at the end of a Waldur hyperlink such as
	 * {@code .../marketplace-categories/<uuid>/}.
	 */
	private static String uuidOf(String url) {
		String[] parts = url.replaceAll("/+$", "").split("/");
		return parts[parts.length - 1];
	}

	/**
	 * A stop for support to choose among more than one offering where the onboarding
	 * expects one; the candidates are stored with the decision.
	 */
	private static StepOutcome duplicates(StepOutcome.Builder calls, String name, List<Offering> found) {
		List<OfferingCandidate> candidates = found.stream().map(OfferingCandidate::of).toList();
		return calls.decision(duplicatesMessage(name, found), new StepResult.OfferingChoicePending(candidates));
	}

	/** The message for more than one offering where the onboarding expects one. */
	private static String duplicatesMessage(String name, List<Offering> found) {
		StringBuilder text = new StringBuilder("Waldur now holds ").append(found.size())
			.append(" SLURM offerings named '")
			.append(name)
			.append("' for this organisation: an earlier request landed after the portal had stopped waiting. ")
			.append("Support must choose which one this onboarding keeps; the portal deletes nothing in Waldur. ")
			.append("Candidates:");
		for (Offering offering : found) {
			text.append(' ')
				.append(offering.uuid())
				.append(" (")
				.append(Objects.requireNonNullElse(offering.state(), "state unknown"))
				.append(", created ")
				.append((offering.created() != null) ? offering.created() : "at an unknown time")
				.append(')');
		}
		return text.append('.').toString();
	}

	/**
	 * Reads the offering support chose among the candidates and checks that it is still
	 * the onboarding's: same name and organisation, and what the onboarding sent. Only
	 * reads Waldur.
	 * @return {@link AttemptOutcome#RECONCILED} with the offering to record, or
	 * {@link AttemptOutcome#REJECTED} saying why it cannot be kept
	 */
	StepOutcome chosen(StepRun run, String uuid, StepOutcome.Builder calls) {
		OfferingInput input = require(run.offering(), "offering inputs");
		WaldurResult<Offering> read = this.waldur.getOffering(run.credential(), uuid);
		calls.add(read.exchange());
		Offering offering = read.value();
		Optional<String> difference = (!input.name().equals(offering.name())) ? Optional.of("another name")
				: (offering.customerUuid() != null && !WaldurUuid.same(input.customerUuid(), offering.customerUuid()))
						? Optional.of("another organisation") : difference(input, offering);
		if (difference.isPresent()) {
			return calls.done(AttemptOutcome.REJECTED, "Offering " + uuid + " no longer matches this onboarding in "
					+ "Waldur (" + difference.get() + "). Nothing was recorded; choose another one.",
					StepResult.UNCHANGED);
		}
		return calls.done(AttemptOutcome.RECONCILED, "", StepResult.OfferingRecorded.of(offering));
	}

	/** Compares what was sent with what Waldur holds; empty when they match. */
	static Optional<String> difference(OfferingInput input, Offering offering) {
		if (offering.categoryUuid() != null && !input.categoryUrl().contains(offering.categoryUuid())) {
			return Optional.of("another category");
		}
		Set<String> sentTypes = new HashSet<>();
		input.components().forEach((component) -> sentTypes.add(component.type()));
		Set<String> foundTypes = new HashSet<>();
		offering.components().forEach((component) -> foundTypes.add(component.type()));
		if (!sentTypes.equals(foundTypes)) {
			return Optional.of("components " + foundTypes + " instead of " + sentTypes);
		}
		Set<String> sentPlans = new HashSet<>();
		input.plans().forEach((plan) -> sentPlans.add(plan.name()));
		Set<String> foundPlans = new HashSet<>();
		offering.plans().forEach((plan) -> foundPlans.add(plan.name()));
		if (!sentPlans.equals(foundPlans)) {
			return Optional.of("plans " + foundPlans + " instead of " + sentPlans);
		}
		return Optional.empty();
	}

}
