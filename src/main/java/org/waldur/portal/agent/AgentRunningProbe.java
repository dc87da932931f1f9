package org.waldur.portal.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.waldur.AgentIdentity;
import org.waldur.portal.waldur.AgentProcessor;
import org.waldur.portal.waldur.AgentService;
import org.waldur.portal.waldur.WaldurAuthorizationException;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurUuid;
import org.waldur.portal.web.Dates;

import org.springframework.stereotype.Component;

/**
 * Asks Waldur, with the service-account token, whether the site agent registered itself
 * for the offering, and reads its services and processors. An agent that is not
 * registered may not have started, or cannot reach Waldur (registration failing does not
 * stop the agent), so that is a warning, never a verdict on the configuration.
 */
@Component
class AgentRunningProbe {

	/** After this long without a run a processor counts as stale, as Waldur's own. */
	static final Duration STALE = Duration.ofHours(1);

	private final WaldurClient waldur;

	private final Clock clock;

	private final AgentProperties properties;

	AgentRunningProbe(WaldurClient waldur, Clock clock, AgentProperties properties) {
		this.waldur = waldur;
		this.clock = clock;
		this.properties = properties;
	}

	/** What Waldur knows of the agent; {@code seen} when it registered at all. */
	Sighting probe(OnboardingSession session, @Nullable WaldurCredential serviceAccount) {
		HandoverCheck check = HandoverCheck.AGENT_RUNNING;
		if (session.getOfferingUuid() == null || serviceAccount == null) {
			return new Sighting(Finding.failed(check, "No offering or no service-account token yet."), false);
		}
		try {
			List<AgentIdentity> identities = this.waldur
				.agentIdentities(serviceAccount, session.getOfferingUuid(), null)
				.value();
			if (identities.isEmpty()) {
				return new Sighting(Finding.warning(check, "Not started yet, or it cannot reach Waldur: no site agent "
						+ "has registered for this offering. Start the agent's services on the cluster; if they run, "
						+ "check their logs and run waldur_site_diagnostics."), false);
			}
			AgentIdentity identity = identities.stream()
				.filter((candidate) -> WaldurUuid.same(AgentHandover.agentName(session.getOfferingUuid()),
						candidate.name()))
				.findFirst()
				.orElse(identities.get(0));
			List<AgentService> services = this.waldur.agentServices(serviceAccount, identity.uuid()).value();
			return new Sighting(finding(identity, services), true);
		}
		catch (WaldurAuthorizationException ex) {
			return new Sighting(Finding.failed(check, CredentialProblem.of(ex).explain()), false);
		}
		catch (WaldurException ex) {
			return new Sighting(Finding.failed(check, "Could not ask Waldur about the agent: " + ex.getMessage()),
					false);
		}
	}

	Finding finding(AgentIdentity identity, List<AgentService> services) {
		Instant now = this.clock.instant();
		List<String> warnings = new ArrayList<>();
		StringBuilder detail = new StringBuilder("Agent '").append(identity.name())
			.append("', version ")
			.append((identity.version() != null) ? identity.version() : "unknown")
			.append(", last restarted ")
			.append(time(identity.lastRestarted()))
			.append('.');
		String minimum = this.properties.minimumVersion();
		if (minimum != null && !minimum.isBlank() && identity.version() != null
				&& compareVersions(identity.version(), minimum) < 0) {
			warnings.add("its version " + identity.version() + " is older than " + minimum
					+ ", the oldest the Waldur in use works with: upgrade the agent (pip install --upgrade "
					+ "waldur-site-agent waldur-site-agent-slurm) and restart its services");
		}
		if (services.isEmpty()) {
			warnings.add("no service is registered: the agent started but none of its modes runs");
		}
		for (AgentService service : services) {
			detail.append(" Service ")
				.append((service.mode() != null) ? service.mode() : service.name())
				.append(": ")
				.append(service.state())
				.append(", last change ")
				.append(time(service.modified()))
				.append('.');
			if ("Error".equalsIgnoreCase(String.valueOf(service.state()))) {
				warnings.add("service " + service.name() + " reports an error");
			}
			for (AgentProcessor processor : service.processorList()) {
				detail.append(" Processor ")
					.append(processor.name())
					.append(" (")
					.append(processor.backendType())
					.append((processor.backendVersion() != null) ? " " + processor.backendVersion() : "")
					.append("), last run ")
					.append(time(processor.lastRun()))
					.append('.');
				if (processor.lastRun() == null || processor.lastRun().toInstant().isBefore(now.minus(STALE))) {
					warnings.add("processor " + processor.name() + " has not run for over an hour");
				}
			}
		}
		if (!warnings.isEmpty()) {
			return Finding.warning(HandoverCheck.AGENT_RUNNING,
					"The agent registered, but " + String.join("; ", warnings) + ". " + detail);
		}
		return Finding.passed(HandoverCheck.AGENT_RUNNING, "The site agent is running. " + detail);
	}

	/** Compares dotted versions number by number; text after the numbers is ignored. */
	static int compareVersions(String one, String other) {
		int[] a = numbers(one);
		int[] b = numbers(other);
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = (i < a.length) ? a[i] : 0;
			int y = (i < b.length) ? b[i] : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

	private static int[] numbers(String version) {
		String[] parts = version.trim().replaceFirst("^[vV]", "").split("\\.");
		List<Integer> numbers = new ArrayList<>();
		for (String part : parts) {
			String digits = part.replaceFirst("^(\\d+).*$", "$1");
			if (!digits.matches("\\d+")) {
				break;
			}
			numbers.add(Integer.parseInt(digits));
			if (!digits.equals(part)) {
				break;
			}
		}
		return numbers.stream().mapToInt(Integer::intValue).toArray();
	}

	private static String time(@Nullable OffsetDateTime time) {
		return Dates.inText(time);
	}

	/**
	 * What the check found and whether the agent was seen registered.
	 *
	 * @param finding the check's finding
	 * @param seen whether Waldur holds a registration of the agent
	 */
	record Sighting(Finding finding, boolean seen) {
	}

}
