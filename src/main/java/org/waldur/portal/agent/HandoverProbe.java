package org.waldur.portal.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.OfferingUserRole;
import org.waldur.portal.waldur.UserAuthToken;
import org.waldur.portal.waldur.WaldurAuthorizationException;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurUser;

import org.springframework.stereotype.Component;

/**
 * Asks Waldur whether the site agent can work with the onboarded offering and its service
 * account: one finding per {@link HandoverCheck}. Look-ups use the staff token, except
 * the token check, which uses the service-account token itself. It also reads the
 * offering's components for the configuration, so that the file follows Waldur.
 */
@Component
class HandoverProbe {

	/** The shortest period of the agent's modes (order processing, every 5 minutes). */
	static final Duration AGENT_PERIOD = Duration.ofMinutes(5);

	/** The username policy under which the agent, not Waldur, creates usernames. */
	static final String SERVICE_PROVIDER_POLICY = "service_provider";

	private final WaldurClient waldur;

	private final Clock clock;

	/**
	 * Waldur's components per offering, as last read: page views reuse them for
	 * {@code portal.waldur.list-cache-time} instead of asking Waldur on every view.
	 */
	private final Cache<String, List<Offering.OfferingComponent>> components;

	HandoverProbe(WaldurClient waldur, Clock clock, PortalProperties properties) {
		this.waldur = waldur;
		this.clock = clock;
		this.components = Caffeine.newBuilder()
			.expireAfterWrite(properties.waldur().listCacheTime())
			.maximumSize(1_000)
			.build();
	}

	/**
	 * Runs every check.
	 * @param currentUser calls {@code users/me} with the service-account token
	 */
	List<Finding> probe(OnboardingSession session, Supplier<WaldurUser> currentUser) {
		List<Finding> findings = new ArrayList<>();
		findings.add(token(session, currentUser));
		findings.add(role(session));
		Offering offering = null;
		String offeringProblem = null;
		if (session.getOfferingUuid() == null) {
			offeringProblem = "No offering in Waldur yet: the offering step is not done.";
		}
		else {
			try {
				offering = this.waldur.getOffering(WaldurCredential.staff(), session.getOfferingUuid()).value();
				this.components.put(offering.uuid(), offering.components());
			}
			catch (WaldurException ex) {
				offeringProblem = "Could not read the offering from Waldur: " + ex.getMessage();
			}
		}
		findings.add(
				(offering != null) ? active(offering) : Finding.failed(HandoverCheck.OFFERING_ACTIVE, offeringProblem));
		findings.add((offering != null) ? components(session, offering)
				: Finding.failed(HandoverCheck.OFFERING_COMPONENTS, offeringProblem));
		findings.add((offering != null) ? userCreation(offering)
				: Finding.failed(HandoverCheck.OFFERING_USER_CREATION, offeringProblem));
		findings.add(lifetime(session));
		return findings;
	}

	/**
	 * The components the configuration is made from: the onboarding's while Waldur holds
	 * the same, otherwise Waldur's, with the differences.
	 * @param fresh whether to read Waldur now (downloads) rather than reuse a recent read
	 * (page views)
	 */
	AgentComponents components(OnboardingSession session, boolean fresh) {
		OfferingInput input = session.getOfferingInput();
		List<OfferingInput.Component> recorded = (input != null) ? input.components() : List.of();
		if (session.getOfferingUuid() == null) {
			return new AgentComponents(recorded, List.of(), null);
		}
		try {
			String uuid = session.getOfferingUuid();
			if (fresh) {
				this.components.invalidate(uuid);
			}
			List<Offering.OfferingComponent> current = this.components.get(uuid,
					(key) -> this.waldur.getOffering(WaldurCredential.staff(), key).value().components());
			List<ComponentDifference> differences = ComponentDrift.compare(recorded, current);
			return new AgentComponents(differences.isEmpty() ? recorded : ComponentDrift.following(recorded, current),
					differences, null);
		}
		catch (WaldurException ex) {
			return new AgentComponents(recorded, List.of(),
					"Could not read the offering's components from Waldur to compare them with the configuration: "
							+ ex.getMessage());
		}
	}

	private Finding token(OnboardingSession session, Supplier<WaldurUser> currentUser) {
		HandoverCheck check = HandoverCheck.TOKEN_AUTHENTICATES;
		if (!session.hasServiceToken() || session.getUserUuid() == null) {
			return Finding.failed(check, "No service-account token yet: the token step is not done.");
		}
		try {
			WaldurUser user = currentUser.get();
			if (!same(user.uuid(), session.getUserUuid())) {
				return Finding.failed(check, "The token authenticates, but as '" + user.username()
						+ "', not as the service account '" + session.getUsername() + "'.");
			}
			return Finding.passed(check, "users/me answered with the token as '" + user.username() + "'.");
		}
		catch (WaldurAuthorizationException ex) {
			return Finding.failed(check, "Waldur refused the token: " + ex.getMessage()
					+ " It was refreshed or deleted elsewhere, or it expired; refresh it on the summary page.");
		}
		catch (WaldurException ex) {
			return Finding.failed(check, "Could not check the token: " + ex.getMessage());
		}
	}

	private Finding role(OnboardingSession session) {
		HandoverCheck check = HandoverCheck.OFFERING_MANAGER_ROLE;
		if (session.getOfferingUuid() == null || session.getUserUuid() == null) {
			return Finding.failed(check, "No offering or no service account in Waldur yet.");
		}
		try {
			List<OfferingUserRole> roles = this.waldur
				.listOfferingUsers(WaldurCredential.staff(), session.getOfferingUuid(), session.getUserUuid(),
						WaldurClient.OFFERING_MANAGER)
				.value();
			Instant now = this.clock.instant();
			List<OfferingUserRole> current = roles.stream()
				.filter((role) -> WaldurClient.OFFERING_MANAGER.equals(role.roleName()))
				.filter((role) -> same(role.userUuid(), session.getUserUuid()))
				.filter((role) -> role.expirationTime() == null || role.expirationTime().toInstant().isAfter(now))
				.toList();
			if (current.isEmpty()) {
				return Finding.failed(check, "'" + session.getUsername() + "' does not hold "
						+ WaldurClient.OFFERING_MANAGER + " on the offering; the agent could not manage it.");
			}
			OfferingUserRole role = current.get(0);
			if (role.expirationTime() != null) {
				return Finding.warning(check, WaldurClient.OFFERING_MANAGER + " is held but expires at "
						+ role.expirationTime() + "; the agent stops working then.");
			}
			return Finding.passed(check, "'" + session.getUsername() + "' holds " + WaldurClient.OFFERING_MANAGER
					+ " on the offering, without expiry.");
		}
		catch (WaldurException ex) {
			return Finding.failed(check, "Could not list the offering's users: " + ex.getMessage());
		}
	}

	private static Finding active(Offering offering) {
		HandoverCheck check = HandoverCheck.OFFERING_ACTIVE;
		if (!offering.active()) {
			return Finding.failed(check, "The offering is " + offering.state() + ", not Active.");
		}
		if (offering.plans().isEmpty()) {
			return Finding.failed(check, "The offering is Active but has no plan.");
		}
		return Finding.passed(check, "The offering is Active with " + offering.plans().size() + " plan"
				+ ((offering.plans().size() == 1) ? "" : "s") + ".");
	}

	private static Finding components(OnboardingSession session, Offering offering) {
		OfferingInput input = session.getOfferingInput();
		if (input == null) {
			return Finding.failed(HandoverCheck.OFFERING_COMPONENTS, "The onboarding has no offering inputs.");
		}
		return ComponentDrift.finding(input.components(), offering.components());
	}

	private static Finding userCreation(Offering offering) {
		HandoverCheck check = HandoverCheck.OFFERING_USER_CREATION;
		Map<String, Object> options = offering.pluginOptions();
		Object policyValue = options.get("username_generation_policy");
		String policy = (policyValue != null) ? policyValue.toString() : SERVICE_PROVIDER_POLICY;
		if (!SERVICE_PROVIDER_POLICY.equals(policy)) {
			return Finding.passed(check, "Username policy '" + policy
					+ "': Waldur assigns usernames, the agent does not need to create offering users.");
		}
		if (Boolean.TRUE.equals(options.get("service_provider_can_create_offering_user"))) {
			return Finding.passed(check, "Username policy 'service_provider' and "
					+ "service_provider_can_create_offering_user is set: the agent creates the usernames.");
		}
		return Finding.failed(check,
				"Username policy 'service_provider' lets the agent create usernames, but "
						+ "service_provider_can_create_offering_user is not true: the agent would skip membership sync "
						+ "with an error. Set it in the offering's plugin_options (update_integration).");
	}

	private Finding lifetime(OnboardingSession session) {
		HandoverCheck check = HandoverCheck.TOKEN_LIFETIME;
		if (session.getUserUuid() == null) {
			return Finding.failed(check, "No service account yet.");
		}
		Integer seconds = session.getServiceTokenLifetime();
		Instant lastUse = session.getServiceTokenCreated();
		String source = "as read when the token was fetched";
		try {
			UserAuthToken token = this.waldur.getToken(session.getUserUuid()).value();
			seconds = token.userTokenLifetime();
			lastUse = (token.created() != null) ? token.created().toInstant() : null;
			source = "as Waldur reports it now";
		}
		catch (WaldurException ex) {
			source = source + " (Waldur could not be asked: " + ex.getMessage() + ")";
		}
		return lifetimeFinding(seconds, lastUse, source, session.getUserUuid());
	}

	static Finding lifetimeFinding(@Nullable Integer seconds, @Nullable Instant lastUse, String source,
			String userUuid) {
		HandoverCheck check = HandoverCheck.TOKEN_LIFETIME;
		if (seconds == null) {
			return Finding.passed(check, "The token does not expire (token_lifetime is empty, " + source + ").");
		}
		Duration lifetime = Duration.ofSeconds(seconds);
		String expiry = (lastUse != null) ? " Unless used, it expires at " + lastUse.plus(lifetime) + "." : "";
		String howTo = " To make it non-expiring, set token_lifetime to null as the service account itself: "
				+ "PATCH /api/users/" + userUuid + "/ with the service-account token and the body "
				+ "{\"token_lifetime\": null, \"agree_with_policy\": true}, or ask the Waldur operator to change "
				+ "WALDUR_CORE.TOKEN_LIFETIME.";
		if (lifetime.compareTo(AGENT_PERIOD) < 0) {
			return Finding.failed(check, "The token expires after " + human(lifetime) + " without use (" + source
					+ "), sooner than the agent's 5-minute order-processing period: it would expire between runs."
					+ howTo);
		}
		return Finding.warning(check, "The token expires after " + human(lifetime) + " without use (" + source
				+ "). Waldur moves the expiry forward on every call, so a running agent (order processing every "
				+ "5 minutes) keeps it alive; if every agent process stops for longer, Waldur answers "
				+ "'Token has expired.' and the token must be refreshed here." + expiry + howTo);
	}

	private static String human(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0) {
			return seconds + " s (" + (seconds / 3600) + " h)";
		}
		if (seconds % 60 == 0) {
			return seconds + " s (" + (seconds / 60) + " min)";
		}
		return seconds + " s";
	}

	private static boolean same(@Nullable String uuid, @Nullable String other) {
		return uuid != null && other != null && canonical(uuid).equals(canonical(other));
	}

	private static String canonical(String uuid) {
		return uuid.replace("-", "").toLowerCase(Locale.ROOT);
	}

}
