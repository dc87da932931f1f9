package org.waldur.portal.agent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingAccessDeniedException;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepExecution;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.waldur.AgentIdentity;
import org.waldur.portal.waldur.AgentRegistration;
import org.waldur.portal.waldur.AgentService;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurEndpoint;
import org.waldur.portal.waldur.WaldurUuid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-over of a completed onboarding to the Waldur Site Agent: runs and records the
 * checks, and produces the agent's configuration and environment file. Anyone who may see
 * the onboarding sees the results and the configuration without the token; running checks
 * and downloading the token need the onboarding's operator or support staff, and every
 * token download is recorded and published as {@link AgentEvents.TokenDownloaded}.
 */
@Service
public class AgentHandover {

	private final Onboarding onboarding;

	private final HandoverProbe probe;

	private final WaldurClient waldur;

	private final ObjectProvider<WaldurEndpoint> endpoint;

	private final AgentChecks checks;

	private final AgentDownloads downloads;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	AgentHandover(Onboarding onboarding, HandoverProbe probe, WaldurClient waldur,
			ObjectProvider<WaldurEndpoint> endpoint, AgentChecks checks, AgentDownloads downloads, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.onboarding = onboarding;
		this.probe = probe;
		this.waldur = waldur;
		this.endpoint = endpoint;
		this.checks = checks;
		this.downloads = downloads;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
	}

	/** Where the hand-over stands, for anyone who may see the onboarding. */
	public HandoverStatus status(long id, Viewer viewer) {
		return Objects.requireNonNull(this.transactions.execute((tx) -> statusOf(id, viewer)));
	}

	private HandoverStatus statusOf(long id, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		List<CheckResult> results = lastResults(id);
		Instant lastChecked = results.stream().map(CheckResult::checkedAt).max(Instant::compareTo).orElse(null);
		Instant lastDownload = this.downloads.findBySessionIdOrderByIdDesc(id)
			.stream()
			.filter((download) -> download.getFile().containsToken())
			.map(AgentDownload::getDownloadedAt)
			.findFirst()
			.orElse(null);
		Instant replaced = tokenReplacedAt(session);
		Instant lastHandover = latest(lastChecked, lastDownload);
		boolean reminder = replaced != null && lastHandover != null && replaced.isAfter(lastHandover);
		return new HandoverStatus(session, session.getStatus() == OnboardingStatus.COMPLETED, missing(session), results,
				lastChecked, lastDownload, replaced, reminder, viewer.mayChange(session));
	}

	/**
	 * Runs every check against Waldur now and records the results.
	 * @return the results, in check order
	 * @throws OnboardingAccessDeniedException when the viewer may not change the
	 * onboarding
	 */
	public List<CheckResult> runChecks(long id, Viewer viewer) {
		OnboardingSession session = requireChange(id, viewer);
		WaldurCredential serviceAccount = session.hasServiceToken()
				? this.onboarding.useServiceToken(id, viewer, WaldurCredential::serviceAccount) : null;
		HandoverProbe.Probe probe = this.probe.probe(session, serviceAccount);
		List<Finding> findings = probe.findings();
		if (probe.agentSeen()) {
			this.onboarding.recordAgentSeen(id, this.clock.instant());
		}
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<CheckResult> results = new ArrayList<>();
			for (Finding finding : findings) {
				results.add(
						this.checks
							.save(new AgentCheck(id, finding.check(), finding.outcome(), finding.detail(), now,
									viewer.username()))
							.toResult());
			}
			List<HandoverCheck> failed = results.stream().filter((r) -> !r.passed()).map(CheckResult::check).toList();
			this.events.publishEvent(new AgentEvents.ChecksRun(id, viewer.username(), failed));
			return results;
		}));
	}

	/**
	 * In sandbox mode, does what the site agent does when it starts, with the
	 * service-account token: registers its identity for the offering (or updates it), one
	 * service per mode and a SLURM processor each; then runs the checks. Published as
	 * {@link AgentEvents.AgentStartSimulated}.
	 * @return the checks' results
	 * @throws AgentNotReadyException when the onboarding is not completed
	 * @throws IllegalStateException when the portal does not talk to its sandbox
	 */
	public List<CheckResult> simulateAgentStart(long id, Viewer viewer) {
		OnboardingSession session = requireCompleted(requireChange(id, viewer));
		if (!sandbox()) {
			throw new IllegalStateException("The agent's start is simulated against the built-in sandbox only.");
		}
		String offering = Objects.requireNonNull(session.getOfferingUuid());
		this.onboarding.useServiceToken(id, viewer, (token) -> {
			WaldurCredential agent = WaldurCredential.serviceAccount(token);
			String name = agentName(offering);
			List<AgentIdentity> existing = this.waldur.agentIdentities(agent, offering, name).value();
			AgentIdentity identity = this.waldur
				.registerAgent(agent,
						new AgentRegistration(offering, name, SIMULATED_VERSION,
								Map.of("waldur-site-agent", SIMULATED_VERSION, "waldur-site-agent-slurm",
										SIMULATED_VERSION),
								this.clock.instant().atOffset(ZoneOffset.UTC)),
						existing.isEmpty() ? null : existing.get(0).uuid())
				.value();
			for (String mode : AgentConfigGenerator.MODES) {
				AgentService service = this.waldur.registerAgentService(agent, identity.uuid(), name + "-" + mode, mode)
					.value();
				this.waldur.registerAgentProcessor(agent, service.uuid(), "slurm-" + mode, "SLURM", "simulated");
			}
			return identity;
		});
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new AgentEvents.AgentStartSimulated(id, viewer.username())));
		return runChecks(id, viewer);
	}

	/** The version the simulated agent reports. */
	static final String SIMULATED_VERSION = "1.0.8";

	/**
	 * The configuration with the token left as a placeholder, for display; nothing is
	 * recorded. Its components follow Waldur's when those changed since the onboarding,
	 * and it lists the changes.
	 */
	public AgentConfig preview(long id, Viewer viewer, AgentSettings settings) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		return configuration(session, settings, null, this.probe.components(session, false));
	}

	/**
	 * The configuration with the token left as a placeholder, as a recorded download.
	 * @param componentsReviewed whether the viewer confirmed reviewing the changes of the
	 * offering's components in Waldur, needed when there are any
	 * @throws AgentNotReadyException when the onboarding is not completed
	 * @throws AgentConfigRefusedException when the components changed in Waldur and the
	 * review is not confirmed, or they could not be compared
	 */
	public AgentConfig downloadConfig(long id, Viewer viewer, AgentSettings settings, boolean componentsReviewed) {
		OnboardingSession session = requireCompleted(this.onboarding.get(id, viewer));
		AgentConfig config = configuration(session, settings, null,
				this.probe.components(session, true).requireDownloadable(componentsReviewed));
		record(id, AgentFile.CONFIG_REFERENCED, viewer, new AgentEvents.ConfigDownloaded(id, viewer.username()));
		return config;
	}

	/**
	 * The configuration with the token written in; recorded and published as a token
	 * download.
	 * @throws OnboardingAccessDeniedException when the viewer may not change the
	 * onboarding
	 * @throws AgentNotReadyException when the onboarding is not completed
	 * @throws AgentConfigRefusedException when the components changed in Waldur and the
	 * review is not confirmed, or they could not be compared
	 */
	public AgentConfig downloadConfigWithToken(long id, Viewer viewer, AgentSettings settings,
			boolean componentsReviewed) {
		OnboardingSession session = requireCompleted(requireChange(id, viewer));
		AgentComponents components = this.probe.components(session, true).requireDownloadable(componentsReviewed);
		AgentConfig config = this.onboarding.useServiceToken(id, viewer,
				(token) -> configuration(session, settings, token, components));
		record(id, AgentFile.CONFIG_WITH_TOKEN, viewer,
				new AgentEvents.TokenDownloaded(id, viewer.username(), AgentFile.CONFIG_WITH_TOKEN));
		return config;
	}

	/**
	 * The environment file {@code WALDUR_API_TOKEN=<token>}; recorded and published as a
	 * token download.
	 * @throws OnboardingAccessDeniedException when the viewer may not change the
	 * onboarding
	 * @throws AgentNotReadyException when the onboarding is not completed
	 */
	public String downloadEnvFile(long id, Viewer viewer) {
		requireCompleted(requireChange(id, viewer));
		String file = this.onboarding.useServiceToken(id, viewer, AgentHandover::envFile);
		record(id, AgentFile.ENV_FILE, viewer,
				new AgentEvents.TokenDownloaded(id, viewer.username(), AgentFile.ENV_FILE));
		return file;
	}

	/**
	 * Checks that the viewer may download the token for this onboarding now.
	 * @throws org.waldur.portal.onboarding.OnboardingNotFoundException when the viewer
	 * may not see it
	 * @throws OnboardingAccessDeniedException when the viewer may not change it
	 * @throws AgentNotReadyException when it is not completed
	 */
	public void requireTokenDownload(long id, Viewer viewer) {
		requireCompleted(requireChange(id, viewer));
	}

	/**
	 * The systemd unit of one agent mode, for download; it holds no secret.
	 * @throws AgentNotReadyException when the onboarding is not completed
	 * @throws IllegalArgumentException for an unknown mode
	 */
	public String systemdUnit(long id, Viewer viewer, String mode) {
		OnboardingSession session = requireCompleted(this.onboarding.get(id, viewer));
		OfferingInput input = session.getOfferingInput();
		return AgentConfigGenerator.systemdUnit(mode, (input != null) ? input.name() : session.getTitle());
	}

	/** The agent's modes, one systemd unit each, with the unit's file name. */
	public static Map<String, String> units() {
		Map<String, String> units = new java.util.LinkedHashMap<>();
		AgentConfigGenerator.MODES.forEach((mode) -> units.put(mode, AgentConfigGenerator.unitName(mode)));
		return units;
	}

	/**
	 * The QoS settings the SLURM backend needs for the offering's integration options:
	 * {@code qos_paused} with {@code supports_pausing}, {@code qos_downscaled} with
	 * {@code supports_downscaling}.
	 */
	public static RequiredQos requiredQos(OnboardingSession session) {
		org.waldur.portal.onboarding.IntegrationInput input = session.getIntegrationInput();
		return new RequiredQos(input != null && input.supportsPausing(), input != null && input.supportsDownscaling());
	}

	/**
	 * A warning when the agent settings name a SLURM cluster other than the offering's
	 * {@code backend_id} (set on the offering step): the agent's {@code cluster_name}
	 * must equal it, or the agent does not match the offering.
	 * @param session the onboarding
	 * @param settings the agent settings
	 * @return the warning, or {@code null} when the names agree or none is given
	 */
	public static @Nullable String clusterNameMismatch(OnboardingSession session, AgentSettings settings) {
		OfferingInput input = session.getOfferingInput();
		String given = (input != null) ? input.backendId() : null;
		String backendId = (given != null) ? given : "";
		String named = settings.clusterName();
		String clusterName = (named != null) ? named.strip() : "";
		if (clusterName.isEmpty() || clusterName.equals(backendId)) {
			return null;
		}
		if (backendId.isEmpty()) {
			return "The cluster name '" + clusterName + "' does not match the offering: its backend_id in Waldur "
					+ "is empty. The agent would not match the offering. Leave the cluster name empty, or set the "
					+ "SLURM cluster name on the offering step.";
		}
		return "The cluster name '" + clusterName + "' differs from the offering's backend_id '" + backendId
				+ "' (the SLURM cluster name given on the offering step). The agent would not match the offering. "
				+ "Use '" + backendId + "', or leave the cluster name empty to use it.";
	}

	/**
	 * Which QoS names the configuration must carry.
	 *
	 * @param paused whether {@code qos_paused} is needed
	 * @param downscaled whether {@code qos_downscaled} is needed
	 */
	public record RequiredQos(boolean paused, boolean downscaled) {
	}

	/** Whether the configuration points at the portal's built-in sandbox. */
	public boolean sandbox() {
		return this.endpoint.getObject().sandbox();
	}

	/** The Waldur API root the configuration points at. */
	public String waldurApiUrl() {
		return this.endpoint.getObject().apiRoot().toString();
	}

	static String envFile(String token) {
		return "# Environment file of the Waldur Site Agent, generated by the Waldur Onboarding Portal.\n"
				+ "# Keep it readable by root only (chmod 600). It holds the service-account token.\n"
				+ AgentConfigGenerator.TOKEN_VARIABLE + "=" + token + "\n";
	}

	private AgentConfig configuration(OnboardingSession session, AgentSettings settings, @Nullable String token,
			AgentComponents components) {
		OfferingInput input = session.getOfferingInput();
		String uuid = session.getOfferingUuid();
		AgentOffering offering = new AgentOffering((input != null) ? input.name() : session.getTitle(), waldurApiUrl(),
				(uuid != null) ? uuid : "", components.used(), (input != null) ? input.backendId() : null);
		String duplicate = AgentConfigGenerator.duplicateType(components.used());
		if (duplicate != null) {
			return new AgentConfig("",
					List.of(new ConfigViolation("offerings[0].backend_components",
							AgentConfigGenerator.duplicateMessage(duplicate))),
					components.changes(), components.problem());
		}
		String yaml = AgentConfigGenerator.generate(offering, settings, token);
		return new AgentConfig(yaml, AgentConfigValidator.validate(yaml, offering.componentTypes()),
				components.changes(), components.problem());
	}

	private void record(long id, AgentFile file, Viewer viewer, Object event) {
		this.transactions.executeWithoutResult((status) -> {
			this.downloads.save(new AgentDownload(id, file, this.clock.instant(), viewer.username()));
			this.events.publishEvent(event);
		});
	}

	private List<CheckResult> lastResults(long id) {
		Map<HandoverCheck, CheckResult> last = new EnumMap<>(HandoverCheck.class);
		for (AgentCheck check : this.checks.findBySessionIdOrderByIdDesc(id)) {
			last.putIfAbsent(check.getCheck(), check.toResult());
		}
		return List.copyOf(last.values());
	}

	private List<String> missing(OnboardingSession session) {
		List<String> missing = new ArrayList<>();
		if (session.getStatus() == OnboardingStatus.ABANDONED) {
			missing.add("The onboarding was abandoned.");
		}
		for (StepExecution execution : session.getSteps()) {
			if (execution.getStatus() != StepStatus.DONE) {
				OnboardingStep step = execution.getStep();
				missing.add("Step " + step.number() + ", " + step.title() + ": "
						+ session.step(step).getStatus().label().toLowerCase());
			}
		}
		return missing;
	}

	private static @Nullable Instant tokenReplacedAt(OnboardingSession session) {
		StepExecution refresh = session.step(OnboardingStep.TOKEN_REFRESH);
		if (refresh.getLastOutcome() == null || !refresh.getLastOutcome().isSuccess()) {
			return null;
		}
		return latest(refresh.getEndedAt(), session.getServiceTokenCreated());
	}

	private static @Nullable Instant latest(@Nullable Instant one, @Nullable Instant other) {
		if (one == null) {
			return other;
		}
		return (other == null || one.isAfter(other)) ? one : other;
	}

	private OnboardingSession requireChange(long id, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		if (!viewer.mayChange(session)) {
			throw new OnboardingAccessDeniedException(
					"Checks and token downloads need the operator of this onboarding or support staff.");
		}
		return session;
	}

	private static OnboardingSession requireCompleted(OnboardingSession session) {
		if (session.getStatus() != OnboardingStatus.COMPLETED) {
			throw new AgentNotReadyException(Objects.requireNonNull(session.getId()));
		}
		return session;
	}

	/**
	 * The name the portal registers the agent under: {@code agent-} and the offering's
	 * UUID.
	 */
	static String agentName(String offeringUuid) {
		return "agent-" + WaldurUuid.of(offeringUuid).hex();
	}

}
