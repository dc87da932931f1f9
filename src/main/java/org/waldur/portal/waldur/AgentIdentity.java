package org.waldur.portal.waldur;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A site agent as it registered itself with Waldur for one offering
 * ({@code AgentIdentity}); only the fields the portal uses.
 *
 * @param uuid its UUID
 * @param offering the offering's UUID
 * @param name its name, {@code agent-<offering uuid>} for the agent's own registration
 * @param version the agent's version, or {@code null}
 * @param lastRestarted when the agent last started, or {@code null}
 * @param modified when Waldur last changed the record, or {@code null}
 * @param services its services, one per mode it runs (without processors in this listing)
 */
public record AgentIdentity(String uuid, @Nullable String offering, @Nullable String name, @Nullable String version,
		@Nullable OffsetDateTime lastRestarted, @Nullable OffsetDateTime modified,
		@Nullable List<AgentService> services) {

	/** The services, never {@code null}. */
	public List<AgentService> serviceList() {
		return (this.services != null) ? this.services : List.of();
	}

}
