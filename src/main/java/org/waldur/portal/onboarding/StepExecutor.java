package org.waldur.portal.onboarding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.Customer;
import org.waldur.portal.waldur.MarketplaceCategory;
import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.OfferingState;
import org.waldur.portal.waldur.OfferingStateChange;
import org.waldur.portal.waldur.OfferingUserRole;
import org.waldur.portal.waldur.PluginOptions;
import org.waldur.portal.waldur.ServiceProvider;
import org.waldur.portal.waldur.UserAuthToken;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurExchange;
import org.waldur.portal.waldur.WaldurNotFoundException;
import org.waldur.portal.waldur.WaldurRequestPreview;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurRole;
import org.waldur.portal.waldur.WaldurUser;
import org.waldur.portal.waldur.WaldurUuid;
import org.waldur.portal.waldur.WaldurVersion;

import org.springframework.stereotype.Component;

/**
 * Runs one step against Waldur. Steps that create something look Waldur up first, so a
 * retry after an unknown outcome adopts what the earlier attempt created instead of
 * creating it twice. Errors propagate as the client's exceptions; the caller records
 * them.
 */
@Component
class StepExecutor {

	static final WaldurRole MANAGER_ROLE = WaldurRole.OFFERING_MANAGER;

	private final WaldurClient waldur;

	StepExecutor(WaldurClient waldur) {
		this.waldur = waldur;
	}

	/**
	 * Runs {@code step} for the given snapshot of a session.
	 * @param run what the step needs: inputs, identifiers, credential, whether to
	 * reconcile
	 * @param calls collects every exchange made, also when an exception ends the run
	 */
	StepOutcome execute(OnboardingStep step, Run run, StepOutcome.Builder calls) {
		return switch (step) {
			case OFFERING -> createOffering(run, calls);
			case INTEGRATION -> updateIntegration(run, calls);
			case ACTIVATION -> activate(run, calls);
			case SERVICE_ACCOUNT -> createUser(run, calls);
			case MANAGER_ROLE -> grantManager(run, calls);
			case TOKEN -> fetchToken(run, calls);
			case KEEP_TOKEN -> keepToken(run, calls);
			case TOKEN_REFRESH -> run.reconcile() ? checkRefresh(run, calls) : refreshToken(run, calls);
			case SERVICE_PROVIDER -> registerProvider(run, calls);
		};
	}

	/**
	 * The change call of {@code step}, as it would be sent; empty when inputs are
	 * missing.
	 */
	Optional<WaldurRequestPreview> preview(OnboardingStep step, Run run) {
		try {
			return Optional.of(switch (step) {
				case OFFERING -> this.waldur.previewCreateOffering(run.credential(),
						WaldurRequests.offering(require(run.offering(), "offering inputs")));
				case INTEGRATION -> this.waldur.previewUpdateIntegration(run.credential(),
						require(run.offeringUuid(), "offering"),
						WaldurRequests.pluginOptions(require(run.integration(), "integration options"), run.waldur()));
				case ACTIVATION -> this.waldur.previewActivateOffering(require(run.offeringUuid(), "offering"));
				case SERVICE_ACCOUNT -> this.waldur
					.previewCreateUser(WaldurRequests.user(require(run.account(), "service-account inputs")));
				case MANAGER_ROLE ->
					this.waldur.previewAddOfferingUser(run.credential(), require(run.offeringUuid(), "offering"),
							require(run.userUuid(), "service account"), MANAGER_ROLE);
				case TOKEN -> this.waldur.previewGetToken(require(run.userUuid(), "service account"));
				case KEEP_TOKEN -> this.waldur.previewSetTokenLifetime(run.credential(),
						require(run.userUuid(), "service account"), run.keepTokenSeconds());
				case TOKEN_REFRESH -> this.waldur.previewRefreshToken(require(run.userUuid(), "service account"));
				case SERVICE_PROVIDER -> this.waldur
					.previewRegisterServiceProvider(require(run.offering(), "offering inputs").customerUrl());
			});
		}
		catch (StepNotRunnableException | IllegalArgumentException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Replaces the service account's token (the old one stops working at once), then
	 * checks that the new one authenticates.
	 */
	private StepOutcome refreshToken(Run run, StepOutcome.Builder calls) {
		WaldurResult<UserAuthToken> result = this.waldur.refreshToken(require(run.userUuid(), "service account"));
		calls.add(result.exchange());
		String token = result.value().token().value();
		return verified(token, calls, AttemptOutcome.SUCCEEDED,
				"Waldur issued a new token and it works; the previous one no longer does. "
						+ "Update the site agent's configuration now.",
				tokenUpdate(result.value()));
	}

	/**
	 * After a refresh that failed or whose outcome is unknown: compares the token Waldur
	 * holds with the portal's. A different one means the refresh was applied (it is
	 * adopted); the same one, once nothing can be in flight any more, means it was not,
	 * and a new refresh may be confirmed.
	 */
	private StepOutcome checkRefresh(Run run, StepOutcome.Builder calls) {
		WaldurResult<UserAuthToken> current = this.waldur.getToken(require(run.userUuid(), "service account"));
		calls.add(current.exchange());
		String held = run.heldToken();
		String waldurs = current.value().token().value();
		boolean same = held != null && held.equals(waldurs);
		if (same && run.settling()) {
			// The same token proves nothing yet: the refresh may still land.
			return calls.done(AttemptOutcome.PENDING,
					"Waldur may still be processing the last refresh: it still "
							+ "holds the portal's token, but the refresh can still land. Nothing was sent. Check again "
							+ settleHint(run) + ".",
					null);
		}
		if (same) {
			return verified(held, calls, AttemptOutcome.NOT_APPLIED,
					"The last refresh was not applied: Waldur still holds the token the portal has, and it works. "
							+ "Refresh again if a new token is still needed.",
					null);
		}
		return verified(waldurs, calls, AttemptOutcome.RECONCILED,
				"The last refresh was applied: Waldur holds a new token, now stored in the portal. The previous one "
						+ "no longer works. Update the site agent's configuration now.",
				tokenUpdate(current.value()));
	}

	/**
	 * Ends a token run by checking that the token authenticates as the service account.
	 */
	private StepOutcome verified(String token, StepOutcome.Builder calls, AttemptOutcome outcome, String message,
			StepOutcome.@Nullable SessionUpdate update) {
		try {
			WaldurResult<WaldurUser> me = this.waldur.currentUser(WaldurCredential.serviceAccount(token));
			calls.add(me.exchange());
		}
		catch (WaldurException ex) {
			calls.add(ex.exchange());
			return calls.done(AttemptOutcome.FAILED, "The token was stored, but checking it against Waldur failed: "
					+ ex.getMessage() + " Check the token again from the hand-over page.", update);
		}
		return calls.done(outcome, message, update);
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
		catch (WaldurNotFoundException | IllegalArgumentException ex) {
			if (ex instanceof WaldurNotFoundException notFound) {
				calls.add(notFound.exchange());
			}
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
	 * Registers the organisation as a service provider, looking it up first so that a
	 * retry after an unknown outcome adopts the provider an earlier attempt registered.
	 */
	private StepOutcome registerProvider(Run run, StepOutcome.Builder calls) {
		OfferingInput input = require(run.offering(), "offering inputs");
		WaldurResult<List<ServiceProvider>> found = this.waldur.serviceProviders(WaldurCredential.staff(),
				input.customerUuid());
		calls.add(found.exchange());
		if (!found.value().isEmpty()) {
			return calls.done(run.reconcile() ? AttemptOutcome.RECONCILED : AttemptOutcome.ALREADY_DONE,
					"'" + input.customerName() + "' is a registered service provider in Waldur ("
							+ found.value().get(0).uuid() + ").",
					null);
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no service provider for '" + input.customerName() + "' yet");
		}
		WaldurResult<ServiceProvider> created = this.waldur.registerServiceProvider(input.customerUrl());
		calls.add(created.exchange());
		return calls.done(
				AttemptOutcome.SUCCEEDED, "'" + input.customerName()
						+ "' is now registered as a service provider in Waldur (" + created.value().uuid() + ").",
				null);
	}

	private StepOutcome createOffering(Run run, StepOutcome.Builder calls) {
		OfferingInput input = require(run.offering(), "offering inputs");
		if (!run.reconcile()) {
			Prerequisites prerequisites = prerequisites(input, calls);
			if (!prerequisites.met()) {
				// A missing category is shown on its field, as Waldur's own refusal would
				// be.
				Map<String, List<String>> fields = prerequisites.categoryExists() ? Map.of()
						: Map.of("category", List.of(Prerequisites.MISSING_CATEGORY));
				return new StepOutcome(AttemptOutcome.REJECTED,
						"Nothing was sent: " + prerequisites.summary() + " Fix this first, then run the step again.",
						calls.exchanges(), fields, null, false);
			}
		}
		WaldurResult<List<Offering>> found = this.waldur.findOfferings(run.credential(), input.name(),
				input.customerUuid());
		calls.add(found.exchange());
		List<Offering> existing = found.value();
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
					offeringUpdate(offering));
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no offering named '" + input.name() + "' yet");
		}
		WaldurResult<Offering> created = this.waldur.createOffering(run.credential(), WaldurRequests.offering(input));
		calls.add(created.exchange());
		if (run.reconcile()) {
			// The earlier request may still have landed after all: look again.
			WaldurResult<List<Offering>> after = this.waldur.findOfferings(run.credential(), input.name(),
					input.customerUuid());
			calls.add(after.exchange());
			if (after.value().size() > 1) {
				return duplicates(calls, input.name(), after.value());
			}
		}
		return calls.done(AttemptOutcome.SUCCEEDED, "Offering created in Waldur as a Draft.",
				offeringUpdate(created.value()));
	}

	/**
	 * A stop for support to choose among more than one offering where the onboarding
	 * expects one; the candidates are stored with the decision.
	 */
	private static StepOutcome duplicates(StepOutcome.Builder calls, String name, List<Offering> found) {
		List<OfferingCandidate> candidates = found.stream().map(OfferingCandidate::of).toList();
		return calls.decision(duplicatesMessage(name, found),
				(session, now) -> session.awaitOfferingChoice(candidates, now));
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
	StepOutcome chosen(Run run, String uuid, StepOutcome.Builder calls) {
		OfferingInput input = require(run.offering(), "offering inputs");
		WaldurResult<Offering> read = this.waldur.getOffering(run.credential(), uuid);
		calls.add(read.exchange());
		Offering offering = read.value();
		Optional<String> difference = (!input.name().equals(offering.name())) ? Optional.of("another name")
				: (offering.customerUuid() != null && !sameUuid(input.customerUuid(), offering.customerUuid()))
						? Optional.of("another organisation") : difference(input, offering);
		if (difference.isPresent()) {
			return calls.done(AttemptOutcome.REJECTED, "Offering " + uuid + " no longer matches this onboarding in "
					+ "Waldur (" + difference.get() + "). Nothing was recorded; choose another one.", null);
		}
		return calls.done(AttemptOutcome.RECONCILED, "", offeringUpdate(offering));
	}

	private static boolean sameUuid(String one, String other) {
		return WaldurUuid.same(one, other);
	}

	/** A check that found nothing while the earlier request may still land. */
	private static StepOutcome pending(Run run, StepOutcome.Builder calls, String found) {
		return calls.done(AttemptOutcome.PENDING,
				"Waldur may still be processing the last request (the look-up found " + found
						+ "). Checking is possible, sending again is not: nothing was sent. Check again "
						+ settleHint(run) + ".",
				null);
	}

	private static String settleHint(Run run) {
		return (run.settlesAt() != null) ? "after " + run.settlesAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC)"
				: "in a moment";
	}

	private StepOutcome updateIntegration(Run run, StepOutcome.Builder calls) {
		IntegrationInput input = require(run.integration(), "integration options");
		String offering = require(run.offeringUuid(), "offering");
		PluginOptions options = WaldurRequests.pluginOptions(input, run.waldur());
		if (run.reconcile()) {
			WaldurResult<Offering> current = this.waldur.getOffering(run.credential(), offering);
			calls.add(current.exchange());
			if (this.waldur.holdsIntegration(current.value(), options)) {
				return calls.done(AttemptOutcome.RECONCILED,
						"Waldur already holds these integration options: the earlier request was applied. "
								+ stored(current.value(), options, require(run.integration(), "integration options"),
										run.waldur()),
						null);
			}
			if (run.settling()) {
				return pending(run, calls, "other integration options");
			}
		}
		WaldurExchange exchange = this.waldur.updateIntegration(run.credential(), offering, options);
		calls.add(exchange);
		return calls.done(AttemptOutcome.SUCCEEDED,
				"Integration options saved in Waldur. " + readBack(run, offering, options, calls), null);
	}

	/**
	 * Reads the offering back after the update and says what Waldur stored, so that an
	 * option Waldur dropped shows as not stored. A failed read does not undo the update.
	 */
	private String readBack(Run run, String offering, PluginOptions options, StepOutcome.Builder calls) {
		try {
			WaldurResult<Offering> current = this.waldur.getOffering(run.credential(), offering);
			calls.add(current.exchange());
			return stored(current.value(), options, require(run.integration(), "integration options"), run.waldur());
		}
		catch (WaldurException ex) {
			calls.add(ex.exchange());
			return "Reading the offering back failed (" + ex.getMessage()
					+ "), so what Waldur stored is not confirmed; check the offering in Waldur.";
		}
	}

	private String stored(Offering offering, PluginOptions options, IntegrationInput input, WaldurVersion waldur) {
		List<String> missing = this.waldur.notHeld(offering, options);
		boolean numbersEntered = input.initialUidnumber() != null || input.initialPrimarygroupNumber() != null
				|| input.initialUsergroupNumber() != null;
		String omitted = (waldur.dropsUidNumbers() && numbersEntered)
				? " Not sent, because Waldur " + waldur.label() + " no longer has them: initial_uidnumber, "
						+ "initial_primarygroup_number, initial_usergroup_number (POSIX ID pools replace them)."
				: "";
		if (missing.isEmpty()) {
			return "Read back from Waldur: every option sent is stored as sent." + omitted;
		}
		return "Read back from Waldur: NOT stored as sent: " + String.join(", ", missing) + " (Waldur " + waldur.label()
				+ " dropped or changed them)." + omitted;
	}

	private StepOutcome activate(Run run, StepOutcome.Builder calls) {
		String uuid = require(run.offeringUuid(), "offering");
		WaldurResult<Offering> current = this.waldur.getOffering(WaldurCredential.staff(), uuid);
		calls.add(current.exchange());
		if (current.value().active()) {
			return calls.done(run.reconcile() ? AttemptOutcome.RECONCILED : AttemptOutcome.ALREADY_DONE,
					"The offering is already Active in Waldur.",
					(session, now) -> session.recordOfferingState(OfferingState.ACTIVE.value(), now));
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "the offering " + current.value().state());
		}
		WaldurResult<OfferingStateChange> activated = this.waldur.activateOffering(uuid);
		calls.add(activated.exchange());
		String state = Objects.requireNonNullElse(activated.value().state(), OfferingState.ACTIVE.value());
		return calls.done(AttemptOutcome.SUCCEEDED, "Offering activated: it is now " + state + ".",
				(session, now) -> session.recordOfferingState(state, now));
	}

	private StepOutcome createUser(Run run, StepOutcome.Builder calls) {
		AccountInput input = require(run.account(), "service-account inputs");
		WaldurResult<Optional<WaldurUser>> found = this.waldur.findUserByUsername(input.username());
		calls.add(found.exchange());
		if (found.value().isPresent()) {
			WaldurUser user = found.value().get();
			if (run.reconcile() && input.email().equalsIgnoreCase(String.valueOf(user.email()))) {
				return calls.done(AttemptOutcome.RECONCILED,
						"The service account created by an earlier attempt was found in Waldur and adopted.",
						userUpdate(user));
			}
			return calls.decision("Waldur already has a user named '" + input.username()
					+ "'. Choose another username for the service account.");
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no user named '" + input.username() + "' yet");
		}
		WaldurResult<WaldurUser> created = this.waldur.createUser(WaldurRequests.user(input));
		calls.add(created.exchange());
		return calls.done(AttemptOutcome.SUCCEEDED, "Service account created in Waldur.", userUpdate(created.value()));
	}

	private StepOutcome grantManager(Run run, StepOutcome.Builder calls) {
		String offering = require(run.offeringUuid(), "offering");
		String user = require(run.userUuid(), "service account");
		WaldurResult<List<OfferingUserRole>> roles = this.waldur.listOfferingUsers(run.credential(), offering, user,
				MANAGER_ROLE);
		calls.add(roles.exchange());
		boolean granted = roles.value()
			.stream()
			.anyMatch((role) -> user.equals(role.userUuid()) && MANAGER_ROLE.value().equals(role.roleName()));
		if (granted) {
			return calls.done(run.reconcile() ? AttemptOutcome.RECONCILED : AttemptOutcome.ALREADY_DONE,
					"The service account already holds OFFERING.MANAGER on the offering.", null);
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no OFFERING.MANAGER role yet");
		}
		calls.add(this.waldur.addOfferingUser(run.credential(), offering, user, MANAGER_ROLE).exchange());
		return calls.done(AttemptOutcome.SUCCEEDED, "OFFERING.MANAGER granted to the service account.", null);
	}

	private StepOutcome fetchToken(Run run, StepOutcome.Builder calls) {
		WaldurResult<UserAuthToken> result = this.waldur.getToken(require(run.userUuid(), "service account"));
		calls.add(result.exchange());
		return calls.done(AttemptOutcome.SUCCEEDED, "Token fetched; it is shown once on the next page.",
				tokenUpdate(result.value()));
	}

	/**
	 * Sets the token lifetime as the service account itself (Waldur drops the field from
	 * anyone else's request and still answers 200), then reads it back with the same
	 * token: the step succeeds only when Waldur reports the chosen lifetime.
	 */
	private StepOutcome keepToken(Run run, StepOutcome.Builder calls) {
		String user = require(run.userUuid(), "service account");
		Integer wanted = run.keepTokenSeconds();
		calls.add(this.waldur.setTokenLifetime(run.credential(), user, wanted).exchange());
		WaldurResult<WaldurUser> me = this.waldur.currentUser(run.credential());
		calls.add(me.exchange());
		Integer reported = me.value().tokenLifetime();
		if (!sameUuid(user, me.value().uuid())) {
			return calls.done(AttemptOutcome.FAILED,
					"The token the portal holds belongs to '" + me.value().username()
							+ "', not to the service account: nothing was changed for the service account. Refresh its "
							+ "token on the summary page, then run this step again.",
					null);
		}
		if (!Objects.equals(wanted, reported)) {
			return calls.done(AttemptOutcome.FAILED, "Waldur accepted the request but still reports "
					+ TokenLifetimes.describe(reported) + " instead of " + TokenLifetimes.describe(wanted)
					+ ": the change did not take. Only the service account itself may change its lifetime; check "
					+ "that the request went with its token, then try again.",
					(session, now) -> session.recordTokenLifetime(reported, now));
		}
		return calls.done(AttemptOutcome.SUCCEEDED,
				"Waldur now reports that the service account's token " + TokenLifetimes.describe(reported) + ".",
				(session, now) -> session.recordTokenLifetime(reported, now));
	}

	private static StepOutcome.SessionUpdate offeringUpdate(Offering offering) {
		List<String> plans = offering.plans()
			.stream()
			.map(Offering.OfferingPlan::uuid)
			.filter(Objects::nonNull)
			.toList();
		List<String> components = offering.components()
			.stream()
			.map(Offering.OfferingComponent::uuid)
			.filter(Objects::nonNull)
			.toList();
		return (session, now) -> session.recordOffering(offering.uuid(), offering.url(), offering.state(), plans,
				components, now);
	}

	private static StepOutcome.SessionUpdate userUpdate(WaldurUser user) {
		return (session, now) -> session.recordUser(user.uuid(), user.url(), user.username(), now);
	}

	private static StepOutcome.SessionUpdate tokenUpdate(UserAuthToken token) {
		Instant created = (token.created() != null) ? token.created().toInstant() : null;
		return new TokenUpdate(token.token().value(), created, token.userTokenLifetime());
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

	private static <T> T require(@Nullable T value, String what) {
		if (value == null) {
			throw new StepNotRunnableException("This step needs the " + what + " from an earlier step.");
		}
		return value;
	}

	/**
	 * A snapshot of what a step run needs, taken when the step was claimed.
	 *
	 * @param credential the Waldur token the step uses
	 * @param reconcile whether an earlier attempt may have changed Waldur
	 * @param settlesAt until when an earlier request may still land in Waldur; before
	 * then the run looks up but sends nothing
	 * @param now when the run started
	 * @param offering offering inputs
	 * @param integration integration inputs
	 * @param account service-account inputs
	 * @param offeringUuid the offering, once created
	 * @param userUuid the service account, once created
	 * @param heldToken the service-account token the portal holds, for a refresh check
	 * @param keepTokenSeconds the token lifetime to set, {@code null} for none
	 * @param waldur the Waldur version the requests are built for
	 */
	record Run(WaldurCredential credential, boolean reconcile, @Nullable Instant settlesAt, Instant now,
			@Nullable OfferingInput offering, @Nullable IntegrationInput integration, @Nullable AccountInput account,
			@Nullable String offeringUuid, @Nullable String userUuid, @Nullable String heldToken,
			@Nullable Integer keepTokenSeconds, WaldurVersion waldur) {

		/** Whether an earlier request may still be in flight. */
		boolean settling() {
			return this.settlesAt != null && this.now.isBefore(this.settlesAt);
		}

		@Override
		public String toString() {
			return "Run[credential=" + this.credential + ", reconcile=" + this.reconcile + ", settlesAt="
					+ this.settlesAt + ", offeringUuid=" + this.offeringUuid + ", userUuid=" + this.userUuid
					+ ", heldToken=" + ((this.heldToken != null) ? "******" : null) + ", waldur=" + this.waldur.label()
					+ "]";
		}

	}

	/**
	 * Stores a fetched token; it is encrypted when the session is saved and never kept in
	 * this object's {@code toString()}.
	 */
	record TokenUpdate(String token, @Nullable Instant created,
			@Nullable Integer lifetime) implements StepOutcome.SessionUpdate {

		@Override
		public void apply(OnboardingSession session, Instant now) {
			throw new IllegalStateException("A token update must be applied with encryption");
		}

		@Override
		public String toString() {
			return "TokenUpdate[token=******, created=" + this.created + ", lifetime=" + this.lifetime + "]";
		}

	}

}
