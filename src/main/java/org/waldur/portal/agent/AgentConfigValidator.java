package org.waldur.portal.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.BillingType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks a {@code waldur-site-agent-config.yaml} against the rules the agent itself
 * applies when it loads the file (its pydantic models {@code WaldurAgentConfiguration},
 * {@code Offering}, {@code BackendComponent} and the SLURM
 * {@code SlurmBackendSettingsSchema}), and that every component of the Waldur offering
 * has an entry. Violations never quote the token.
 */
final class AgentConfigValidator {

	/** The accounting types the agent accepts ({@code AccountingType}). */
	static final Set<String> ACCOUNTING_TYPES = BillingType.siteAgentTypes()
		.stream()
		.map(BillingType::value)
		.collect(Collectors.toUnmodifiableSet());

	/** The keys a SLURM {@code backend_settings} must have. */
	static final List<String> SLURM_SETTINGS = List.of("default_account", "customer_prefix", "project_prefix",
			"allocation_prefix");

	private static final List<String> OIDC = List.of("oidc_token_url", "oidc_client_id", "oidc_client_secret");

	private AgentConfigValidator() {
	}

	/**
	 * The violations of {@code yaml}, none when the agent would accept it.
	 * @param componentTypes the component types of the Waldur offering, each of which
	 * must be a key of {@code backend_components}
	 */
	static List<ConfigViolation> validate(String yaml, Collection<String> componentTypes) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException ex) {
			return List.of(new ConfigViolation("(file)", "is not valid YAML"));
		}
		List<ConfigViolation> violations = new ArrayList<>();
		if (!(root instanceof Map<?, ?> top)) {
			violations.add(new ConfigViolation("(file)", "must be a mapping"));
			return violations;
		}
		if (!(top.get("offerings") instanceof List<?> offerings) || offerings.isEmpty()) {
			violations.add(new ConfigViolation("offerings", "must list at least one offering"));
			return violations;
		}
		for (int i = 0; i < offerings.size(); i++) {
			String path = "offerings[" + i + "]";
			if (offerings.get(i) instanceof Map<?, ?> offering) {
				checkOffering(path, offering, componentTypes, violations);
			}
			else {
				violations.add(new ConfigViolation(path, "must be a mapping"));
			}
		}
		return violations;
	}

	private static void checkOffering(String path, Map<?, ?> offering, Collection<String> componentTypes,
			List<ConfigViolation> violations) {
		requireText(path, offering, "name", violations);
		String url = requireText(path, offering, "waldur_api_url", violations);
		if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
			violations.add(new ConfigViolation(path + ".waldur_api_url", "must start with http:// or https://"));
		}
		boolean oidc = OIDC.stream().allMatch((key) -> text(offering.get(key)) != null);
		if (text(offering.get("waldur_api_token")) == null && !oidc) {
			violations.add(new ConfigViolation(path + ".waldur_api_token",
					"is required (or all of oidc_token_url, oidc_client_id and oidc_client_secret)"));
		}
		requireText(path, offering, "waldur_offering_uuid", violations);
		String backendType = requireText(path, offering, "backend_type", violations);
		checkBackendSettings(path, offering.get("backend_settings"), backendType, violations);
		checkComponents(path, offering.get("backend_components"), componentTypes, violations);
	}

	private static void checkBackendSettings(String path, @Nullable Object value, @Nullable String backendType,
			List<ConfigViolation> violations) {
		if (!AgentConfigGenerator.SLURM.equalsIgnoreCase(backendType)) {
			return;
		}
		if (!(value instanceof Map<?, ?> settings)) {
			violations.add(new ConfigViolation(path + ".backend_settings", "is required for the SLURM backend"));
			return;
		}
		for (String key : SLURM_SETTINGS) {
			requireText(path + ".backend_settings", settings, key, violations);
		}
	}

	private static void checkComponents(String path, @Nullable Object value, Collection<String> componentTypes,
			List<ConfigViolation> violations) {
		String base = path + ".backend_components";
		if (value == null) {
			value = Map.of();
		}
		if (!(value instanceof Map<?, ?> components)) {
			violations.add(new ConfigViolation(base, "must be a mapping of component type to component"));
			return;
		}
		components.forEach((type, component) -> checkComponent(base + "." + type, component, violations));
		for (String type : componentTypes) {
			if (!components.containsKey(type)) {
				violations.add(new ConfigViolation(base + "." + type,
						"is missing: the offering has a component of type '" + type + "'"));
			}
		}
	}

	private static void checkComponent(String path, @Nullable Object value, List<ConfigViolation> violations) {
		if (!(value instanceof Map<?, ?> component)) {
			violations.add(new ConfigViolation(path, "must be a mapping"));
			return;
		}
		requireText(path, component, "measured_unit", violations);
		requireText(path, component, "label", violations);
		String accounting = requireText(path, component, "accounting_type", violations);
		if (accounting != null && !ACCOUNTING_TYPES.contains(accounting)) {
			violations.add(new ConfigViolation(path + ".accounting_type",
					"must be one of usage, limit, one (was '" + accounting + "')"));
		}
		for (String key : List.of("unit_factor", "limit")) {
			Object number = component.get(key);
			if (number != null && !(number instanceof Number)) {
				violations.add(new ConfigViolation(path + "." + key, "must be a number"));
			}
		}
	}

	private static @Nullable String requireText(String path, Map<?, ?> map, String key,
			List<ConfigViolation> violations) {
		String value = text(map.get(key));
		if (value == null) {
			violations.add(new ConfigViolation(path + "." + key, "is required"));
		}
		return value;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof String text && !text.isBlank()) {
			return text;
		}
		return null;
	}

}
