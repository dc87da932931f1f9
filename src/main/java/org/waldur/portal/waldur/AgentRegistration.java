package org.waldur.portal.waldur;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * What a site agent sends to register itself for an offering
 * ({@code AgentIdentityRequest}).
 *
 * @param offering the offering's UUID
 * @param name {@code agent-<offering uuid>}
 * @param version the agent's version
 * @param dependencies its packages and their versions
 * @param lastRestarted when it started
 */
public record AgentRegistration(String offering, String name, String version, Map<String, String> dependencies,
		OffsetDateTime lastRestarted) {

	public AgentRegistration {
		Objects.requireNonNull(offering, "offering");
		Objects.requireNonNull(name, "name");
		dependencies = Map.copyOf(dependencies);
	}

}
