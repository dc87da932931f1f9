package org.waldur.portal.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the site agent, broken once on an otherwise valid generated file.
 */
class AgentConfigValidatorTests {

	private static final List<String> TYPES = List.of("node_hours", "cpu", "setup");

	private static final String O = "offerings[0]";

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void reportsEachBrokenRule(String path, Consumer<Map<String, Object>> breakIt) {
		Map<String, Object> root = AgentConfigGeneratorTests.load(valid());
		breakIt.accept(offering(root));
		List<ConfigViolation> violations = AgentConfigValidator.validate(dump(root), TYPES);
		assertThat(violations).extracting(ConfigViolation::path).containsExactly(path);
	}

	static Stream<Arguments> brokenRules() {
		return Stream.of(rule(O + ".name", (o) -> o.remove("name")), rule(O + ".name", (o) -> o.put("name", " ")),
				rule(O + ".waldur_api_url", (o) -> o.remove("waldur_api_url")),
				rule(O + ".waldur_api_url", (o) -> o.put("waldur_api_url", "waldur.example.com/api/")),
				rule(O + ".waldur_api_url", (o) -> o.put("waldur_api_url", "ftp://waldur.example.com/api/")),
				rule(O + ".waldur_api_token", (o) -> o.remove("waldur_api_token")),
				rule(O + ".waldur_api_token", (o) -> {
					o.put("waldur_api_token", "");
					o.put("oidc_token_url", "https://idp.example.com/token");
				}), rule(O + ".waldur_offering_uuid", (o) -> o.remove("waldur_offering_uuid")),
				rule(O + ".backend_type", (o) -> o.remove("backend_type")),
				rule(O + ".backend_settings", (o) -> o.remove("backend_settings")),
				rule(O + ".backend_settings.default_account", (o) -> settings(o).remove("default_account")),
				rule(O + ".backend_settings.customer_prefix", (o) -> settings(o).remove("customer_prefix")),
				rule(O + ".backend_settings.project_prefix", (o) -> settings(o).remove("project_prefix")),
				rule(O + ".backend_settings.allocation_prefix", (o) -> settings(o).remove("allocation_prefix")),
				rule(O + ".backend_components.cpu.measured_unit", (o) -> component(o, "cpu").remove("measured_unit")),
				rule(O + ".backend_components.cpu.label", (o) -> component(o, "cpu").remove("label")),
				rule(O + ".backend_components.cpu.accounting_type",
						(o) -> component(o, "cpu").remove("accounting_type")),
				rule(O + ".backend_components.cpu.accounting_type",
						(o) -> component(o, "cpu").put("accounting_type", "fixed")),
				rule(O + ".backend_components.cpu.accounting_type",
						(o) -> component(o, "cpu").put("accounting_type", "few")),
				rule(O + ".backend_components.cpu.unit_factor", (o) -> component(o, "cpu").put("unit_factor", "x")),
				rule(O + ".backend_components.cpu.limit", (o) -> component(o, "cpu").put("limit", "ten")),
				rule(O + ".backend_components.setup", (o) -> components(o).remove("setup")),
				rule(O + ".backend_components.node_hours",
						(o) -> components(o).put("nodehours", components(o).remove("node_hours"))));
	}

	@Test
	void acceptsTheGeneratedFileAndTheOidcAlternative() {
		assertThat(AgentConfigValidator.validate(valid(), TYPES)).isEmpty();
		Map<String, Object> root = AgentConfigGeneratorTests.load(valid());
		Map<String, Object> offering = offering(root);
		offering.remove("waldur_api_token");
		offering.put("oidc_token_url", "https://idp.example.com/token");
		offering.put("oidc_client_id", "agent");
		offering.put("oidc_client_secret", "secret");
		assertThat(AgentConfigValidator.validate(dump(root), TYPES)).isEmpty();
	}

	@Test
	void reportsAComponentOfTheOfferingMissingFromTheFile() {
		assertThat(AgentConfigValidator.validate(valid(), List.of("node_hours", "cpu", "setup", "gpu")))
			.containsExactly(new ConfigViolation(O + ".backend_components.gpu",
					"is missing: the offering has a component of type 'gpu'"));
	}

	@Test
	void reportsFilesThatAreNotAConfigurationAtAll() {
		assertThat(AgentConfigValidator.validate("offerings: [", TYPES)).extracting(ConfigViolation::path)
			.containsExactly("(file)");
		assertThat(AgentConfigValidator.validate("- a\n- b\n", TYPES)).extracting(ConfigViolation::path)
			.containsExactly("(file)");
		assertThat(AgentConfigValidator.validate("timezone: UTC\nofferings: []\n", TYPES))
			.extracting(ConfigViolation::path)
			.containsExactly("offerings");
	}

	@Test
	void neverQuotesTheToken() {
		String token = "4f3c2b1a0f9e8d7c6b5a4f3c2b1a0f9e8d7c6b5a";
		String yaml = AgentConfigGenerator.generate(AgentConfigGeneratorTests.offering("x"), AgentSettings.defaults(),
				token);
		assertThat(AgentConfigValidator.validate(yaml.replace("http", "ftp"), List.of("gpu")))
			.allSatisfy((violation) -> assertThat(violation.toString()).doesNotContain(token));
	}

	private static Arguments rule(String path, Consumer<Map<String, Object>> breakIt) {
		return Arguments.of(path, breakIt);
	}

	private static String valid() {
		return AgentConfigGenerator.generate(AgentConfigGeneratorTests.offering("Test Cluster"),
				AgentSettings.defaults(), null);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> offering(Map<String, Object> root) {
		return ((List<Map<String, Object>>) root.get("offerings")).get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> settings(Map<String, Object> offering) {
		return (Map<String, Object>) offering.get("backend_settings");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> components(Map<String, Object> offering) {
		return (Map<String, Object>) offering.get("backend_components");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> component(Map<String, Object> offering, String type) {
		return (Map<String, Object>) components(offering).get(type);
	}

	private static String dump(Map<String, Object> root) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(new LinkedHashMap<>(root));
	}

}
