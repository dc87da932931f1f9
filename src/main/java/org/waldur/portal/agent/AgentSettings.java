package org.waldur.portal.agent;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The SLURM {@code backend_settings} the operator fills in for the agent.
 *
 * @param defaultAccount {@code default_account}: DefaultAccount of user associations
 * @param customerPrefix {@code customer_prefix}: prefix of organisation accounts
 * @param projectPrefix {@code project_prefix}: prefix of project accounts
 * @param allocationPrefix {@code allocation_prefix}: prefix of allocation accounts
 * @param clusterName {@code cluster_name} for multi-cluster set-ups, or {@code null}
 * @param qosDefault {@code qos_default}, or {@code null} for the agent's default
 * @param qosDownscaled {@code qos_downscaled}, or {@code null}
 * @param qosPaused {@code qos_paused}, or {@code null}
 * @param timezone {@code timezone}: the zone of billing-period boundaries, such as
 * {@code Europe/Tallinn}
 * @param logShipping whether the agent ships its warnings to Waldur
 * ({@code log_shipping})
 */
public record AgentSettings(String defaultAccount, String customerPrefix, String projectPrefix, String allocationPrefix,
		@Nullable String clusterName, @Nullable String qosDefault, @Nullable String qosDownscaled,
		@Nullable String qosPaused, String timezone, boolean logShipping) {

	/** Settings in UTC without log shipping. */
	public AgentSettings(String defaultAccount, String customerPrefix, String projectPrefix, String allocationPrefix,
			@Nullable String clusterName, @Nullable String qosDefault, @Nullable String qosDownscaled,
			@Nullable String qosPaused) {
		this(defaultAccount, customerPrefix, projectPrefix, allocationPrefix, clusterName, qosDefault, qosDownscaled,
				qosPaused, "UTC", false);
	}

	public AgentSettings {
		Objects.requireNonNull(timezone, "timezone");
		Objects.requireNonNull(defaultAccount, "defaultAccount");
		Objects.requireNonNull(customerPrefix, "customerPrefix");
		Objects.requireNonNull(projectPrefix, "projectPrefix");
		Objects.requireNonNull(allocationPrefix, "allocationPrefix");
	}

	/**
	 * The values of the agent's example file: account {@code root}, prefixes
	 * {@code hpc_}.
	 */
	public static AgentSettings defaults() {
		return new AgentSettings("root", "hpc_", "hpc_", "hpc_", null, null, null, null);
	}

}
