package org.waldur.portal.agent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.OfferingInput;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The generated agent configuration, read back with SnakeYAML.
 */
class AgentConfigGeneratorTests {

	static final String UUID = "0123456789abcdef0123456789abcdef";

	static final List<OfferingInput.Component> COMPONENTS = List.of(
			new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", "month", 100, null),
			new OfferingInput.Component("cpu", "CPU", "k-Hours", "limit", null, null, 60000),
			new OfferingInput.Component("setup", "Set-up fee", "one-off", "one", null, 1, null));

	static AgentOffering offering(String name) {
		return new AgentOffering(name, "https://waldur.example.com/api/", UUID, COMPONENTS);
	}

	static Map<String, Object> load(String yaml) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> firstOffering(String yaml) {
		return ((List<Map<String, Object>>) load(yaml).get("offerings")).get(0);
	}

	@Test
	@SuppressWarnings("unchecked")
	void roundTripsWithEveryRequiredFieldAndTheTokenReferenced() {
		String yaml = AgentConfigGenerator.generate(offering("Test Cluster"), AgentSettings.defaults(), null);
		Map<String, Object> offering = firstOffering(yaml);
		assertThat(load(yaml)).containsEntry("timezone", "UTC");
		assertThat(offering).containsEntry("name", "Test Cluster")
			.containsEntry("waldur_api_url", "https://waldur.example.com/api/")
			.containsEntry("waldur_api_token", "${WALDUR_API_TOKEN}")
			.containsEntry("waldur_offering_uuid", UUID)
			.containsEntry("backend_type", "slurm")
			.containsEntry("order_processing_backend", "slurm")
			.containsEntry("membership_sync_backend", "slurm")
			.containsEntry("reporting_backend", "slurm");
		Map<String, Object> settings = (Map<String, Object>) offering.get("backend_settings");
		assertThat(settings).containsEntry("default_account", "root")
			.containsEntry("customer_prefix", "hpc_")
			.containsEntry("project_prefix", "hpc_")
			.containsEntry("allocation_prefix", "hpc_")
			.containsEntry("default_homedir_umask", "0077")
			.doesNotContainKeys("cluster_name", "qos_default");
		assertThat(AgentConfigValidator.validate(yaml, List.of("node_hours", "cpu", "setup"))).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void clusterNameDefaultsToTheBackendIdOfTheOfferingAndAGivenOneIsKept() {
		AgentOffering withBackendId = new AgentOffering("Alpha", "https://waldur.example.com/api/", UUID, COMPONENTS,
				"alpha_cluster");
		String yaml = AgentConfigGenerator.generate(withBackendId, AgentSettings.defaults(), null);
		assertThat((Map<String, Object>) firstOffering(yaml).get("backend_settings")).containsEntry("cluster_name",
				"alpha_cluster");
		assertThat(AgentConfigValidator.validate(yaml, List.of("node_hours", "cpu", "setup"))).isEmpty();

		AgentSettings named = new AgentSettings("root", "hpc_", "hpc_", "hpc_", "beta", null, null, null);
		assertThat((Map<String, Object>) firstOffering(AgentConfigGenerator.generate(withBackendId, named, null))
			.get("backend_settings")).containsEntry("cluster_name", "beta");
	}

	@Test
	void refusesTwoComponentsOfTheSameTypeInsteadOfDroppingOne() {
		AgentOffering twice = new AgentOffering("Twice", "https://waldur.example.com/api/", UUID, List.of(
				COMPONENTS.get(0), COMPONENTS.get(1),
				new OfferingInput.Component("node_hours", "Node hours again", "Hours", "limit", null, null, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AgentConfigGenerator.generate(twice, AgentSettings.defaults(), null))
			.withMessageContaining("'node_hours' is used twice");
	}

	@Test
	@SuppressWarnings("unchecked")
	void derivesOneComponentEntryPerOfferingComponent() {
		String yaml = AgentConfigGenerator.generate(offering("Test Cluster"), AgentSettings.defaults(), null);
		Map<String, Object> components = (Map<String, Object>) firstOffering(yaml).get("backend_components");
		assertThat(components).containsOnlyKeys("node_hours", "cpu", "setup");
		assertThat((Map<String, Object>) components.get("node_hours")).containsEntry("label", "Node hours")
			.containsEntry("measured_unit", "Node-hours")
			.containsEntry("accounting_type", "usage")
			.containsEntry("unit_factor", 1)
			.containsEntry("limit", 100)
			.containsEntry("limit_period", "month");
		assertThat((Map<String, Object>) components.get("cpu")).containsEntry("accounting_type", "limit")
			.containsEntry("unit_factor", 60000)
			.doesNotContainKeys("limit", "limit_period");
		assertThat((Map<String, Object>) components.get("setup")).containsEntry("accounting_type", "one");
	}

	@Test
	@SuppressWarnings("unchecked")
	void writesOptionalSettingsAndQuotesTextThatLooksLikeOtherTypes() {
		AgentSettings settings = new AgentSettings("root", "c_", "p_", "a_", "cluster1", "normal", "limited", "paused");
		String name = "yes: \"quoted\" # not a comment";
		String yaml = AgentConfigGenerator.generate(offering(name), settings, null);
		Map<String, Object> offering = firstOffering(yaml);
		assertThat(offering).containsEntry("name", name);
		assertThat((Map<String, Object>) offering.get("backend_settings")).containsEntry("cluster_name", "cluster1")
			.containsEntry("qos_default", "normal")
			.containsEntry("qos_downscaled", "limited")
			.containsEntry("qos_paused", "paused")
			.containsEntry("customer_prefix", "c_");
		assertThat(yaml).contains("name: \"yes: \\\"quoted\\\" # not a comment\"")
			.contains("  - name: ")
			.doesNotContain(": {")
			.doesNotContain(": [");
		String numeric = AgentConfigGenerator.generate(offering("123"), settings, null);
		assertThat(firstOffering(numeric)).containsEntry("name", "123");
	}

	@Test
	void embedsTheTokenOnlyWhenGiven() {
		String token = "4f3c2b1a0f9e8d7c6b5a4f3c2b1a0f9e8d7c6b5a";
		String yaml = AgentConfigGenerator.generate(offering("Test Cluster"), AgentSettings.defaults(), token);
		assertThat(firstOffering(yaml)).containsEntry("waldur_api_token", token);
		assertThat(yaml).doesNotContain("${WALDUR_API_TOKEN}").contains("chmod 600");
		String referenced = AgentConfigGenerator.generate(offering("Test Cluster"), AgentSettings.defaults(), null);
		assertThat(referenced).doesNotContain(token).contains("envsubst '${WALDUR_API_TOKEN}'").contains("chmod 600");
	}

	@Test
	void headerCommentsDoNotChangeTheDocument() {
		String yaml = AgentConfigGenerator.generate(offering("Test Cluster"), AgentSettings.defaults(), null);
		assertThat(yaml.lines().takeWhile((line) -> line.startsWith("#")).count()).isGreaterThanOrEqualTo(4);
		assertThat(load(yaml)).containsOnlyKeys("timezone", "offerings");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theChosenTimeZoneAndLogShippingAreWritten() {
		AgentSettings settings = new AgentSettings("root", "hpc_", "hpc_", "hpc_", null, null, "limited", "paused",
				"Europe/Tallinn", true);
		String yaml = AgentConfigGenerator.generate(offering("Test Cluster"), settings, null);
		assertThat(load(yaml)).containsEntry("timezone", "Europe/Tallinn");
		assertThat((Map<String, Object>) load(yaml).get("log_shipping")).containsEntry("enabled", true)
			.containsEntry("log_level", "WARNING");
		assertThat(AgentConfigValidator.validate(yaml, List.of("node_hours", "cpu", "setup"))).isEmpty();
		String without = AgentConfigGenerator.generate(offering("Test Cluster"), AgentSettings.defaults(), null);
		assertThat(load(without)).doesNotContainKey("log_shipping").containsEntry("timezone", "UTC");
	}

	@Test
	void eachModeHasASystemdUnitRunningTheAgentWithTheInstalledConfiguration() {
		assertThat(AgentConfigGenerator.MODES).containsExactly("order_process", "membership_sync", "report");
		String unit = AgentConfigGenerator.systemdUnit("membership_sync", "Test Cluster");
		assertThat(AgentConfigGenerator.unitName("membership_sync")).isEqualTo("waldur-agent-membership-sync.service");
		assertThat(unit).contains("[Service]")
			.contains("ExecStart=/usr/local/bin/waldur_site_agent -m membership_sync -c "
					+ "/etc/waldur/waldur-site-agent-config.yaml")
			.contains("Restart=on-failure")
			.contains("WantedBy=multi-user.target");
		assertThatIllegalArgumentException().isThrownBy(() -> AgentConfigGenerator.systemdUnit("bogus", "x"));
	}

}
