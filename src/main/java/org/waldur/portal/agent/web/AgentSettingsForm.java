package org.waldur.portal.agent.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.agent.AgentSettings;

/**
 * The SLURM settings form of the hand-over page. Account names and prefixes follow
 * SLURM's account naming (letters, digits, {@code _ . -}).
 */
public class AgentSettingsForm {

	static final String ACCOUNT = "[A-Za-z0-9_.-]*";

	private static final String ACCOUNT_MESSAGE = "Use letters, digits and _ . - only.";

	@NotBlank(message = "Enter the default account, such as root.")
	@Size(max = 64, message = "Use at most 64 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String defaultAccount = "root";

	@NotBlank(message = "Enter a prefix, such as hpc_.")
	@Size(max = 20, message = "Use at most 20 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String customerPrefix = "hpc_";

	@NotBlank(message = "Enter a prefix, such as hpc_.")
	@Size(max = 20, message = "Use at most 20 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String projectPrefix = "hpc_";

	@NotBlank(message = "Enter a prefix, such as hpc_.")
	@Size(max = 20, message = "Use at most 20 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String allocationPrefix = "hpc_";

	@Size(max = 64, message = "Use at most 64 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String clusterName;

	@Size(max = 64, message = "Use at most 64 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String qosDefault;

	@Size(max = 64, message = "Use at most 64 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String qosDownscaled = "limited";

	@Size(max = 64, message = "Use at most 64 characters.")
	@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE)
	private @Nullable String qosPaused = "paused";

	@Size(max = 64, message = "Use at most 64 characters.")
	private @Nullable String timezone = "UTC";

	private boolean logShipping;

	AgentSettings toSettings() {
		return new AgentSettings(text(this.defaultAccount), text(this.customerPrefix), text(this.projectPrefix),
				text(this.allocationPrefix), this.clusterName, this.qosDefault, this.qosDownscaled, this.qosPaused,
				validTimezone() ? text(this.timezone) : "UTC", this.logShipping);
	}

	/** Whether the time zone is a zone name Java (and the agent's Python) knows. */
	boolean validTimezone() {
		return this.timezone != null && ZoneId.getAvailableZoneIds().contains(this.timezone);
	}

	public @Nullable String getTimezone() {
		return this.timezone;
	}

	public void setTimezone(@Nullable String timezone) {
		this.timezone = timezone;
	}

	public boolean isLogShipping() {
		return this.logShipping;
	}

	public void setLogShipping(boolean logShipping) {
		this.logShipping = logShipping;
	}

	/** The form as query parameters, for the download links. */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("defaultAccount", text(this.defaultAccount));
		parameters.put("customerPrefix", text(this.customerPrefix));
		parameters.put("projectPrefix", text(this.projectPrefix));
		parameters.put("allocationPrefix", text(this.allocationPrefix));
		parameters.put("clusterName", text(this.clusterName));
		parameters.put("qosDefault", text(this.qosDefault));
		parameters.put("qosDownscaled", text(this.qosDownscaled));
		parameters.put("qosPaused", text(this.qosPaused));
		parameters.put("timezone", text(this.timezone));
		parameters.put("logShipping", Boolean.toString(this.logShipping));
		return parameters;
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	public @Nullable String getDefaultAccount() {
		return this.defaultAccount;
	}

	public void setDefaultAccount(@Nullable String defaultAccount) {
		this.defaultAccount = defaultAccount;
	}

	public @Nullable String getCustomerPrefix() {
		return this.customerPrefix;
	}

	public void setCustomerPrefix(@Nullable String customerPrefix) {
		this.customerPrefix = customerPrefix;
	}

	public @Nullable String getProjectPrefix() {
		return this.projectPrefix;
	}

	public void setProjectPrefix(@Nullable String projectPrefix) {
		this.projectPrefix = projectPrefix;
	}

	public @Nullable String getAllocationPrefix() {
		return this.allocationPrefix;
	}

	public void setAllocationPrefix(@Nullable String allocationPrefix) {
		this.allocationPrefix = allocationPrefix;
	}

	public @Nullable String getClusterName() {
		return this.clusterName;
	}

	public void setClusterName(@Nullable String clusterName) {
		this.clusterName = clusterName;
	}

	public @Nullable String getQosDefault() {
		return this.qosDefault;
	}

	public void setQosDefault(@Nullable String qosDefault) {
		this.qosDefault = qosDefault;
	}

	public @Nullable String getQosDownscaled() {
		return this.qosDownscaled;
	}

	public void setQosDownscaled(@Nullable String qosDownscaled) {
		this.qosDownscaled = qosDownscaled;
	}

	public @Nullable String getQosPaused() {
		return this.qosPaused;
	}

	public void setQosPaused(@Nullable String qosPaused) {
		this.qosPaused = qosPaused;
	}

}
