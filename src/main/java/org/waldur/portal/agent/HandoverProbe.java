package org.waldur.portal.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.OfferingUserRole;
import org.waldur.portal.waldur.UserAuthToken;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurAuthorizationException;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurRole;
import org.waldur.portal.waldur.WaldurUser;
import org.waldur.portal.waldur.WaldurUuid;
import org.waldur.portal.web.Dates;

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
	static final String SERVICE_PROVIDER_POLICY = UsernamePolicy.SERVICE_PROVIDER.value();

	private final WaldurClient waldur;

	private final Clock clock;

	private final AgentRunningProbe running;

	/**
	 * Waldur's components per offering, as last read: page views reuse them for
	 * {@code portal.waldur.list-cache-time} instead of asking Waldur on every view.
	 */
	private final Cache<String, List<Offering.OfferingComponent>> components;

	HandoverProbe(WaldurClient waldur, Clock clock, PortalProperties properties, AgentRunningProbe running) {
		this.waldur = waldur;
		this.clock = clock;
		this.running = running;
		this.components = Caffeine.newBuilder()
			.expireAfterWrite(properties.waldur().listCacheTime())
			.maximumSize(1_000)
			.build();
	}

	/**
	 * Runs every check.
	 * @param serviceAccount the service-account token, or {@code null} when none is held
	 */
	Probe probe(OnboardingSession session, @Nullable WaldurCredential serviceAccount) {
		List<Finding> findings = new ArrayList<>();
		WaldurUser me = null;
		WaldurException meFailure = null;
		if (serviceAccount != null) {
			try {
				me = this.waldur.currentUser(serviceAccount).value();
			}
			catch (WaldurException ex) {
				meFailure = ex;
			}
		}
		findings.add(token(session, me, meFailure));
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
		findings.add(lifetime(session, me));
		AgentRunningProbe.Sighting sighting = this.running.probe(session, (me != null) ? serviceAccount : null);
		findings.add((me == null && serviceAccount != null && meFailure != null)
				? Finding.warning(HandoverCheck.AGENT_RUNNING,
						"Not known: Waldur answers about the agent only to a "
								+ "working service-account token, and this one does not work (see the token check).")
				: sighting.finding());
		return new Probe(findings, sighting.seen());
	}

	/**
	 * What the checks found.
	 *
	 * @param findings one per check, in check order
	 * @param agentSeen whether Waldur holds a registration of the site agent
	 */
	record Probe(List<Finding> findings, boolean agentSeen) {
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

	private Finding token(OnboardingSession session, @Nullable WaldurUser user, @Nullable WaldurException failure) {
		HandoverCheck check = HandoverCheck.TOKEN_AUTHENTICATES;
		if (!session.hasServiceToken() || session.getUserUuid() == null) {
			return Finding.failed(check, "No service-account token yet: the token step is not done.");
		}
		if (failure instanceof WaldurAuthorizationException refused) {
			return Finding.failed(check, CredentialProblem.of(refused).explain());
		}
		if (failure != null || user == null) {
			return Finding.failed(check, "Could not check the service-account token: "
					+ ((failure != null) ? failure.getMessage() : "no answer"));
		}
		if (!WaldurUuid.same(user.uuid(), session.getUserUuid())) {
			return Finding.failed(check, "The service-account token authenticates, but as '" + user.username()
					+ "', not as the service account '" + session.getUsername() + "'.");
		}
		if (!user.isActive()) {
			return Finding.failed(check, CredentialProblem.INACTIVE.explain());
		}
		return Finding.passed(check, "users/me answered with the service-account token as '" + user.username() + "'.");
	}

	private Finding role(OnboardingSession session) {
		HandoverCheck check = HandoverCheck.OFFERING_MANAGER_ROLE;
		if (session.getOfferingUuid() == null || session.getUserUuid() == null) {
			return Finding.failed(check, "No offering or no service account in Waldur yet.");
		}
		try {
			List<OfferingUserRole> roles = this.waldur
				.listOfferingUsers(WaldurCredential.staff(), session.getOfferingUuid(), session.getUserUuid(),
						WaldurRole.OFFERING_MANAGER)
				.value();
			Instant now = this.clock.instant();
			List<OfferingUserRole> current = roles.stream()
				.filter((role) -> WaldurRole.OFFERING_MANAGER.value().equals(role.roleName()))
				.filter((role) -> WaldurUuid.same(role.userUuid(), session.getUserUuid()))
				.filter((role) -> role.expirationTime() == null || role.expirationTime().toInstant().isAfter(now))
				.toList();
			if (current.isEmpty()) {
				return Finding.failed(check, "'" + session.getUsername() + "' does not hold "
						+ WaldurRole.OFFERING_MANAGER.value() + " on the offering; the agent could not manage it.");
			}
			OfferingUserRole role = current.get(0);
			if (role.expirationTime() != null) {
				return Finding.warning(check, WaldurRole.OFFERING_MANAGER.value() + " is held but expires at "
						+ Dates.inText(role.expirationTime()) + "; the agent stops working then.");
			}
			return Finding.passed(check, "'" + session.getUsername() + "' holds " + WaldurRole.OFFERING_MANAGER
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

	private Finding lifetime(OnboardingSession session, @Nullable WaldurUser me) {
		HandoverCheck check = HandoverCheck.TOKEN_LIFETIME;
		if (session.getUserUuid() == null) {
			return Finding.failed(check, "No service account yet.");
		}
		Instant now = this.clock.instant();
		if (me != null) {
			Instant expiresAt = (me.tokenExpiresAt() != null) ? me.tokenExpiresAt().toInstant() : null;
			return lifetimeFinding(me.tokenLifetime(), expiresAt, "as Waldur reports it to the service account",
					chosen(session, me.tokenLifetime()), now);
		}
		Integer seconds = session.getServiceTokenLifetime();
		Instant lastUse = session.getServiceTokenCreated();
		String source = "as recorded by the portal";
		try {
			UserAuthToken token = this.waldur.send(WaldurCalls.getToken(session.getUserUuid())).value();
			seconds = token.userTokenLifetime();
			lastUse = (token.created() != null) ? token.created().toInstant() : null;
			source = "as Waldur reports it to staff";
		}
		catch (WaldurException ex) {
			source = source + " (Waldur could not be asked: " + ex.getMessage() + ")";
		}
		Instant expiresAt = (seconds != null && lastUse != null) ? lastUse.plusSeconds(seconds) : null;
		return lifetimeFinding(seconds, expiresAt, source, chosen(session, seconds), now);
	}

	/** Whether the keep-token step set exactly this lifetime, as the operator chose. */
	private static boolean chosen(OnboardingSession session, @Nullable Integer seconds) {
		return session.step(OnboardingStep.KEEP_TOKEN).getStatus() == StepStatus.DONE && seconds != null
				&& seconds.equals(session.getKeepTokenSeconds());
	}

	/**
	 * The lifetime check: passes for a token that never expires, warns for a lifetime the
	 * operator chose, fails for a token that expired, would expire between the agent's
	 * runs, or expires because nobody chose otherwise (Waldur's default).
	 */
	static Finding lifetimeFinding(@Nullable Integer seconds, @Nullable Instant expiresAt, String source,
			boolean chosen, Instant now) {
		HandoverCheck check = HandoverCheck.TOKEN_LIFETIME;
		if (seconds == null) {
			return Finding.passed(check, "The token never expires (token_lifetime is empty, " + source + ").");
		}
		Duration lifetime = Duration.ofSeconds(seconds);
		String expiry = (expiresAt != null) ? " Unless used, it expires at " + Dates.inText(expiresAt) + "." : "";
		String fix = " To keep it valid, run the step '" + OnboardingStep.KEEP_TOKEN.title()
				+ "': it sets the lifetime as the service account itself (PATCH users/{uuid}/ with its own token;"
				+ " staff cannot).";
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			return Finding.failed(check, "The token expired at " + expiresAt + " (" + human(lifetime) + " without use, "
					+ source + "). " + CredentialProblem.EXPIRED.explain());
		}
		if (lifetime.compareTo(AGENT_PERIOD) < 0) {
			return Finding.failed(check, "The token expires after " + human(lifetime) + " without use (" + source
					+ "), sooner than the agent's 5-minute order-processing period: it would expire between runs."
					+ expiry + fix);
		}
		if (!chosen) {
			return Finding.failed(check, "The token expires after " + human(lifetime) + " without use (" + source
					+ "), and nobody chose that: an agent installed later, or stopped for longer, is locked out "
					+ "with 'Token has expired.'." + expiry + fix);
		}
		return Finding.warning(check,
				"The token expires after " + human(lifetime) + " without use (" + source + "), as chosen in the step '"
						+ OnboardingStep.KEEP_TOKEN.title() + "'. A running agent keeps it "
						+ "alive; if every agent process stops for longer, the token must be refreshed here." + expiry);
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

}
