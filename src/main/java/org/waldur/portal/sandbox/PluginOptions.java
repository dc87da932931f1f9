package org.waldur.portal.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurVocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static java.util.Map.entry;

/**
 * Waldur 8.0.5's {@code MergedPluginOptions}: the known keys, their types and their
 * checks. Unknown keys are dropped, as DRF serializers do; so are the keys a newer
 * version removed ({@link SandboxWaldurVersion#removedPluginOptions()}).
 */
final class PluginOptions {

	private static final Map<String, PluginOption> OPTIONS = Map.ofEntries(
			entry("auto_approve_remote_orders", PluginOption.bool()),
			entry("resource_expiration_threshold", PluginOption.integer(null, null)),
			entry("service_provider_can_create_offering_user", PluginOption.bool()),
			entry("max_resource_termination_offset_in_days", PluginOption.integer(0, null)),
			entry("default_resource_termination_offset_in_days", PluginOption.integer(0, null)),
			entry("is_resource_termination_date_required", PluginOption.bool()),
			entry("latest_date_for_resource_termination", PluginOption.string()),
			entry("auto_approve_in_service_provider_projects", PluginOption.bool()),
			entry("disable_autoapprove", PluginOption.bool()), entry("supports_downscaling", PluginOption.bool()),
			entry("supports_pausing", PluginOption.bool()),
			entry("minimal_team_count_for_provisioning", PluginOption.integer(1, null)),
			entry("maximal_resource_count_per_project", PluginOption.integer(null, null)),
			entry("unique_resource_per_attribute", PluginOption.string()),
			entry("required_team_role_for_provisioning", PluginOption.string()),
			entry("enable_purchase_order_upload", PluginOption.bool()),
			entry("require_purchase_order_upload", PluginOption.bool()),
			entry("conceal_billing_data", PluginOption.bool()),
			entry("create_orders_on_resource_option_change", PluginOption.bool()),
			entry("can_restore_resource", PluginOption.bool()),
			entry("enable_provider_consumer_messaging", PluginOption.bool()),
			entry("notify_about_provider_consumer_messages", PluginOption.bool()),
			entry("restrict_deletion_with_active_resources", PluginOption.bool()),
			entry("resource_name_pattern", PluginOption.string()),
			entry("default_internal_network_mtu", PluginOption.integer(68, 9000)),
			entry("max_instances", PluginOption.integer(1, null)), entry("max_volumes", PluginOption.integer(1, null)),
			entry("max_security_groups", PluginOption.integer(1, null)),
			entry("storage_mode", PluginOption.choice(false, "fixed", "dynamic")),
			entry("snapshot_size_limit_gb", PluginOption.integer(1, null)),
			entry("heappe_cluster_id", PluginOption.string()), entry("heappe_local_base_path", PluginOption.string()),
			entry("heappe_url", PluginOption.string()), entry("heappe_username", PluginOption.string()),
			entry("homedir_prefix", PluginOption.string()), entry("scratch_project_directory", PluginOption.string()),
			entry("project_permanent_directory", PluginOption.string()),
			entry("initial_primarygroup_number", PluginOption.integer(0, null)),
			entry("initial_uidnumber", PluginOption.integer(0, null)),
			entry("initial_usergroup_number", PluginOption.integer(0, null)),
			entry("username_anonymized_prefix", PluginOption.string()),
			entry("username_generation_policy",
					PluginOption.choice(false, WaldurVocabulary.values(UsernamePolicy.class))),
			entry("enable_issues_for_membership_changes", PluginOption.bool()),
			entry("deployment_mode", PluginOption.choice(false, "self_managed", "managed")),
			entry("flavors_regex", PluginOption.string()),
			entry("openstack_offering_uuid_list", PluginOption.stringList()),
			entry("managed_rancher_server_flavor_name", PluginOption.string()),
			entry("managed_rancher_server_system_volume_size_gb", PluginOption.integer(null, null)),
			entry("managed_rancher_server_system_volume_type_name", PluginOption.string()),
			entry("managed_rancher_server_data_volume_size_gb", PluginOption.integer(null, null)),
			entry("managed_rancher_server_data_volume_type_name", PluginOption.string()),
			entry("managed_rancher_worker_system_volume_size_gb", PluginOption.integer(null, null)),
			entry("managed_rancher_worker_system_volume_type_name", PluginOption.string()),
			entry("managed_rancher_load_balancer_flavor_name", PluginOption.string()),
			entry("managed_rancher_load_balancer_system_volume_size_gb", PluginOption.integer(null, null)),
			entry("managed_rancher_load_balancer_system_volume_type_name", PluginOption.string()),
			entry("managed_rancher_load_balancer_data_volume_size_gb", PluginOption.integer(null, null)),
			entry("managed_rancher_load_balancer_data_volume_type_name", PluginOption.string()),
			entry("managed_rancher_tenant_max_cpu", PluginOption.integer(null, null)),
			entry("managed_rancher_tenant_max_ram", PluginOption.integer(null, null)),
			entry("managed_rancher_tenant_max_disk", PluginOption.integer(null, null)),
			entry("account_name_generation_policy",
					PluginOption.choice(true, WaldurVocabulary.values(AccountNamePolicy.class))),
			entry("enable_display_of_order_actions_for_service_provider", PluginOption.bool()),
			entry("slurm_periodic_policy_enabled", PluginOption.bool()),
			entry("auto_approve_marketplace_script", PluginOption.bool()),
			entry("keycloak_enabled", PluginOption.bool()), entry("keycloak_base_group", PluginOption.string()),
			entry("keycloak_sync_frequency", PluginOption.integer(1, null)),
			entry("keycloak_group_name_template", PluginOption.string()),
			entry("keycloak_username_label", PluginOption.string()),
			entry("highlight_backend_id_display", PluginOption.bool()),
			entry("backend_id_display_label", PluginOption.string()),
			entry("disabled_resource_actions", PluginOption.stringList()));

	private PluginOptions() {
	}

	/**
	 * Validates submitted plugin options. Returns the accepted keys, or records errors in
	 * {@code errors} under {@code field} and returns {@code null}.
	 */
	static @Nullable ObjectNode read(JsonNode submitted, String field, ObjectNode errors, Set<String> removed) {
		if (!submitted.isObject()) {
			errors.putObject(field)
				.putArray("non_field_errors")
				.add("Invalid data. Expected a dictionary, but got " + SandboxJson.pythonType(submitted) + ".");
			return null;
		}
		FieldReader reader = new FieldReader(submitted);
		for (String key : submitted.propertyNames()) {
			PluginOption option = OPTIONS.get(key);
			if (option != null && !removed.contains(key)) {
				option.read(reader, key);
			}
		}
		if (reader.hasErrors()) {
			errors.set(field, reader.errors());
			return null;
		}
		return reader.out();
	}

	/** The type and checks of one plugin option. */
	private record PluginOption(Kind kind, @Nullable Integer min, @Nullable Integer max, List<String> choices,
			boolean nullable) {

		static PluginOption bool() {
			return new PluginOption(Kind.BOOLEAN, null, null, List.of(), false);
		}

		static PluginOption integer(@Nullable Integer min, @Nullable Integer max) {
			return new PluginOption(Kind.INTEGER, min, max, List.of(), false);
		}

		static PluginOption string() {
			return new PluginOption(Kind.STRING, null, null, List.of(), false);
		}

		static PluginOption stringList() {
			return new PluginOption(Kind.STRING_LIST, null, null, List.of(), false);
		}

		static PluginOption choice(boolean nullable, String... choices) {
			return choice(nullable, List.of(choices));
		}

		static PluginOption choice(boolean nullable, List<String> choices) {
			return new PluginOption(Kind.CHOICE, null, null, choices, nullable);
		}

		void read(FieldReader reader, String key) {
			switch (this.kind) {
				case BOOLEAN -> reader.bool(key, null);
				case INTEGER -> reader.integer(key, false, this.min, this.max, null, false);
				case STRING -> reader.text(key, false, Integer.MAX_VALUE, true, null);
				case CHOICE -> reader.choice(key, false, this.nullable, false, this.choices, null);
				case STRING_LIST -> readList(reader, key);
			}
		}

		private static void readList(FieldReader reader, String key) {
			JsonNode value = reader.raw(key);
			if (value == null || !value.isArray()) {
				reader.error(key, "Expected a list of items but got type \"" + SandboxJson.pythonType(value) + "\".");
				return;
			}
			ArrayNode items = JsonNodeFactory.instance.arrayNode();
			for (JsonNode item : value) {
				if (!(item.isString() || item.isNumber())) {
					reader.error(key, "Not a valid string.");
					return;
				}
				items.add(item.asString());
			}
			reader.out().set(key, items);
		}

	}

	private enum Kind {

		BOOLEAN, INTEGER, STRING, STRING_LIST, CHOICE

	}

}
