package org.waldur.portal.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes {@code waldur-site-agent-config.yaml} for one onboarded SLURM offering, in block
 * style with every text value double-quoted, following the agent's own example file.
 */
final class AgentConfigGenerator {

	/** The environment variable the placeholder names. */
	static final String TOKEN_VARIABLE = "WALDUR_API_TOKEN";

	/**
	 * What stands for the token when it is not written in; {@code envsubst} replaces it.
	 */
	static final String TOKEN_PLACEHOLDER = "${" + TOKEN_VARIABLE + "}";

	/** The agent's modes, one process (systemd service) each. */
	static final List<String> MODES = List.of("order_process", "membership_sync", "report");

	/** The backend of the agent's three modes. */
	static final String SLURM = "slurm";

	private AgentConfigGenerator() {
	}

	/**
	 * The configuration file.
	 * @param token the token to write in, or {@code null} for {@link #TOKEN_PLACEHOLDER}
	 * @throws IllegalArgumentException when two components have the same type: the
	 * agent's {@code backend_components} is keyed by type, so one would be lost
	 */
	static String generate(AgentOffering offering, AgentSettings settings, @Nullable String token) {
		String duplicate = duplicateType(offering.components());
		if (duplicate != null) {
			throw new IllegalArgumentException(duplicateMessage(duplicate));
		}
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("timezone", q("UTC"));
		root.put("offerings", List.of(offering(offering, settings, token)));
		return header(offering, token != null) + yaml().dump(root);
	}

	private static Map<String, Object> offering(AgentOffering offering, AgentSettings settings,
			@Nullable String token) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", q(offering.name()));
		entry.put("waldur_api_url", q(offering.waldurApiUrl()));
		entry.put("waldur_api_token", q((token != null) ? token : TOKEN_PLACEHOLDER));
		entry.put("waldur_offering_uuid", q(offering.offeringUuid()));
		entry.put("backend_type", q(SLURM));
		entry.put("order_processing_backend", q(SLURM));
		entry.put("membership_sync_backend", q(SLURM));
		entry.put("reporting_backend", q(SLURM));
		entry.put("username_management_backend", q("base"));
		entry.put("resource_import_enabled", false);
		entry.put("stomp_enabled", false);
		entry.put("verify_ssl", true);
		entry.put("backend_settings", backendSettings(settings));
		entry.put("backend_components", components(offering.components()));
		return entry;
	}

	/** The first component type used twice, or {@code null} when each is used once. */
	static @Nullable String duplicateType(List<OfferingInput.Component> components) {
		Set<String> seen = new HashSet<>();
		for (OfferingInput.Component component : components) {
			if (!seen.add(component.type())) {
				return component.type();
			}
		}
		return null;
	}

	static String duplicateMessage(String type) {
		return "Each component needs its own type; '" + type + "' is used twice. The agent's backend_components "
				+ "is keyed by type, so one of them would be lost; no configuration is generated.";
	}

	private static Map<String, Object> backendSettings(AgentSettings settings) {
		Map<String, Object> backend = new LinkedHashMap<>();
		backend.put("default_account", q(settings.defaultAccount()));
		backend.put("customer_prefix", q(settings.customerPrefix()));
		backend.put("project_prefix", q(settings.projectPrefix()));
		backend.put("allocation_prefix", q(settings.allocationPrefix()));
		putIfSet(backend, "cluster_name", settings.clusterName());
		putIfSet(backend, "qos_default", settings.qosDefault());
		putIfSet(backend, "qos_downscaled", settings.qosDownscaled());
		putIfSet(backend, "qos_paused", settings.qosPaused());
		backend.put("enable_user_homedir_account_creation", true);
		backend.put("default_homedir_umask", q("0077"));
		return backend;
	}

	private static Map<String, Object> components(List<OfferingInput.Component> components) {
		Map<String, Object> all = new LinkedHashMap<>();
		for (OfferingInput.Component component : components) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("measured_unit", q(component.measuredUnit()));
			entry.put("unit_factor", (component.unitFactor() != null) ? component.unitFactor() : 1);
			entry.put("accounting_type", q(component.billingType()));
			entry.put("label", q(component.name()));
			if (component.limitAmount() != null) {
				entry.put("limit", component.limitAmount());
			}
			putIfSet(entry, "limit_period", component.limitPeriod());
			all.put(component.type(), entry);
		}
		return all;
	}

	private static void putIfSet(Map<String, Object> map, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, q(value));
		}
	}

	private static String header(AgentOffering offering, boolean withToken) {
		List<String> lines = new ArrayList<>();
		lines.add("# Waldur Site Agent configuration, generated by the Waldur Onboarding Portal");
		lines.add("# for offering " + offering.offeringUuid().replaceAll("[^0-9a-fA-F-]", "") + ".");
		lines.add("# Install it as /etc/waldur/waldur-site-agent-config.yaml, owned by the agent's user,");
		lines.add("# with file mode 600 (chmod 600): it " + (withToken ? "contains" : "will contain")
				+ " the service-account token.");
		if (!withToken) {
			lines.add("# waldur_api_token holds the placeholder " + TOKEN_PLACEHOLDER
					+ ". The agent does not expand environment");
			lines.add("# variables: substitute it at deploy time, for example");
			lines.add("#   envsubst '" + TOKEN_PLACEHOLDER + "' < waldur-site-agent-config.yaml > "
					+ "/etc/waldur/waldur-site-agent-config.yaml");
		}
		return String.join("\n", lines) + "\n";
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(Integer.MAX_VALUE);
		options.setSplitLines(false);
		options.setAllowUnicode(true);
		return new Yaml(new QuotingRepresenter(options), options);
	}

	private static Quoted q(String value) {
		return new Quoted(value);
	}

	/** A text value written double-quoted. */
	private record Quoted(String value) {

		@Override
		public String toString() {
			return "Quoted[******]";
		}

	}

	/** Writes {@link Quoted} values double-quoted and everything else as usual. */
	private static final class QuotingRepresenter extends Representer {

		QuotingRepresenter(DumperOptions options) {
			super(options);
			this.representers.put(Quoted.class, (data) -> representScalar(Tag.STR, ((Quoted) data).value(),
					DumperOptions.ScalarStyle.DOUBLE_QUOTED));
		}

	}

}
