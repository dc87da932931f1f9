package org.waldur.portal.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds every response body of the sandbox in the shape of the Waldur 8.0.5 schema, one
 * method per schema, so that a contract test can check each of them.
 */
final class SandboxJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private SandboxJson() {
	}

	/** Waldur's time-stamp format: UTC with microseconds. */
	static @Nullable String timestamp(@Nullable Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : null;
	}

	/** {@code {"detail": "..."}}. */
	static ObjectNode detail(String detail) {
		return NODES.objectNode().put("detail", detail);
	}

	/** {@code {"<field>": ["<message>"]}}. */
	static ObjectNode errors(String field, String message) {
		ObjectNode errors = NODES.objectNode();
		errors.putArray(field).add(message);
		return errors;
	}

	/** Schema {@code DetailState}. */
	static ObjectNode detailState(String state) {
		return NODES.objectNode().put("detail", "Offering state updated.").put("state", state);
	}

	/** Schema {@code UserRoleExpirationTime}. */
	static ObjectNode expirationTime(@Nullable Instant expirationTime) {
		return NODES.objectNode().put("expiration_time", timestamp(expirationTime));
	}

	/** Schema {@code ProviderOfferingDetails}. */
	static ObjectNode offering(String apiRoot, SandboxOffering offering, SandboxCustomer customer,
			SandboxCategory category, List<ObjectNode> components, List<ObjectNode> plans) {
		ObjectNode json = NODES.objectNode();
		json.put("url", apiRoot + "marketplace-provider-offerings/" + offering.uuid() + "/");
		json.put("uuid", offering.uuid());
		json.put("created", timestamp(offering.created()));
		json.put("name", offering.name());
		json.put("slug", slug(offering.name(), offering.uuid()));
		json.put("description", offering.description());
		json.put("full_description", "");
		json.put("privacy_policy_link", "");
		json.put("access_url", "");
		json.putArray("endpoints");
		json.putArray("software_catalogs");
		json.putArray("partitions");
		json.putArray("roles");
		json.put("customer", customerUrl(apiRoot, customer.uuid()));
		json.put("customer_uuid", customer.uuid());
		json.put("customer_name", customer.name());
		json.putNull("project");
		json.putNull("project_uuid");
		json.putNull("project_name");
		json.put("category", categoryUrl(apiRoot, category.uuid()));
		json.put("category_uuid", category.uuid());
		json.put("category_title", category.title());
		json.putObject("attributes");
		json.set("options", emptyOptions());
		json.set("resource_options", emptyOptions());
		ArrayNode componentArray = json.putArray("components");
		components.forEach(componentArray::add);
		json.set("plugin_options", JsonMapper.shared().readTree(offering.pluginOptions()));
		json.putObject("secret_options");
		json.putObject("service_attributes");
		json.put("state", offering.state());
		json.put("vendor_details", "");
		json.put("getting_started", "");
		json.put("integration_guide", "");
		json.putNull("thumbnail");
		json.put("order_count", 0);
		ArrayNode planArray = json.putArray("plans");
		plans.forEach((plan) -> planArray.add(plan(apiRoot, plan, components)));
		json.putArray("screenshots");
		json.put("type", offering.type());
		json.put("shared", offering.shared());
		json.put("billable", offering.billable());
		json.putNull("scope");
		json.putNull("scope_uuid");
		json.putNull("scope_name");
		json.putNull("scope_state");
		json.putNull("scope_error_message");
		json.putArray("files");
		json.putArray("quotas");
		json.put("paused_reason", "");
		json.put("datacite_doi", "");
		json.put("citation_count", -1);
		json.putNull("latitude");
		json.putNull("longitude");
		json.put("country", "");
		json.put("backend_id", offering.backendId());
		json.putObject("backend_id_rules");
		json.putArray("organization_groups");
		json.putArray("tags");
		json.putNull("image");
		json.putObject("backend_metadata");
		json.put("has_compliance_requirements", false);
		json.putNull("compliance_checklist");
		return json;
	}

	/** Schema {@code BaseProviderPlan} from a stored plan. */
	static ObjectNode plan(String apiRoot, ObjectNode stored, List<ObjectNode> components) {
		ObjectNode json = NODES.objectNode();
		String uuid = stored.get("uuid").stringValue();
		json.put("url", apiRoot + "marketplace-plans/" + uuid + "/");
		json.put("uuid", uuid);
		for (String field : List.of("name", "description", "article_code", "max_amount", "archived")) {
			json.set(field, stored.get(field));
		}
		json.put("is_active", !stored.path("archived").booleanValue(false));
		json.set("unit_price", stored.get("unit_price"));
		json.set("unit", stored.get("unit"));
		json.put("init_price", 0);
		json.put("switch_price", 0);
		json.set("backend_id", stored.get("backend_id"));
		json.putArray("organization_groups");
		json.putArray("components");
		ObjectNode prices = json.putObject("prices");
		ObjectNode futurePrices = json.putObject("future_prices");
		ObjectNode quotas = json.putObject("quotas");
		for (ObjectNode component : components) {
			String type = component.get("type").stringValue();
			prices.put(type, 0.0);
			futurePrices.putNull(type);
			quotas.put(type, 0);
		}
		json.put("resources_count", 0);
		return json;
	}

	/** Schema {@code User}; the token fields only for the user's own view. */
	static ObjectNode user(String apiRoot, SandboxUser user, @Nullable SandboxToken ownToken) {
		ObjectNode json = NODES.objectNode();
		json.put("url", apiRoot + "users/" + user.uuid() + "/");
		json.put("uuid", user.uuid());
		json.put("username", user.username());
		json.put("slug", slug(user.username(), user.uuid()));
		json.put("full_name", user.fullName());
		json.put("native_name", "");
		json.put("job_title", "");
		json.put("email", user.email());
		json.put("phone_number", "");
		json.put("organization", "");
		json.putNull("civil_number");
		json.put("description", "");
		json.put("is_staff", user.staff());
		json.put("is_active", user.active());
		json.put("is_support", false);
		if (ownToken != null) {
			json.put("token", ownToken.key());
			json.put("token_lifetime", user.tokenLifetime());
			json.put("token_expires_at", (user.tokenLifetime() != null)
					? timestamp(ownToken.created().plusSeconds(user.tokenLifetime())) : null);
		}
		json.put("registration_method", "default");
		json.put("date_joined", timestamp(user.created()));
		json.putNull("agreement_date");
		json.put("notifications_enabled", true);
		json.put("preferred_language", "");
		json.putArray("permissions");
		json.putNull("requested_email");
		json.putArray("affiliations");
		json.put("first_name", user.firstName());
		json.put("last_name", user.lastName());
		json.putNull("birth_date");
		json.put("identity_provider_name", "Local DB");
		json.put("identity_provider_label", "Local DB");
		json.put("identity_provider_management_url", "");
		json.putArray("identity_provider_fields");
		json.putNull("image");
		json.put("identity_source", "");
		return json;
	}

	/** Schema {@code UserAuthToken}. */
	static ObjectNode userAuthToken(SandboxUser user, SandboxToken token) {
		return NODES.objectNode()
			.put("created", timestamp(token.created()))
			.put("token", token.key())
			.put("user_first_name", user.firstName())
			.put("user_last_name", user.lastName())
			.put("user_username", user.username())
			.put("user_is_active", user.active())
			.put("user_token_lifetime", user.tokenLifetime());
	}

	/** Schema {@code UserRoleDetails}. */
	static ObjectNode userRole(SandboxRole role, String roleUuid, SandboxUser user, @Nullable SandboxUser grantor) {
		return NODES.objectNode()
			.put("uuid", role.uuid())
			.put("created", timestamp(role.created()))
			.put("expiration_time", timestamp(role.expirationTime()))
			.put("role_name", role.role())
			.put("role_uuid", roleUuid)
			.put("user_email", user.email())
			.put("user_full_name", user.fullName())
			.put("user_username", user.username())
			.put("user_uuid", user.uuid())
			.putNull("user_image")
			.put("created_by_full_name", (grantor != null) ? grantor.fullName() : null)
			.put("created_by_uuid", (grantor != null) ? grantor.uuid() : null);
	}

	/** Schema {@code Customer}. */
	static ObjectNode customer(String apiRoot, SandboxCustomer customer, int usersCount) {
		ObjectNode json = NODES.objectNode();
		json.put("url", customerUrl(apiRoot, customer.uuid()));
		json.put("uuid", customer.uuid());
		json.put("created", timestamp(customer.created()));
		json.putArray("organization_groups");
		json.put("display_name", customer.name());
		json.put("backend_id", "");
		json.putNull("image");
		json.put("blocked", customer.blocked());
		json.put("archived", false);
		json.put("display_billing_info_in_projects", false);
		json.put("default_tax_percent", "0.00");
		json.put("projects_count", 0);
		json.put("users_count", usersCount);
		json.putNull("sponsor_number");
		json.put("country_name", "");
		json.putNull("max_service_accounts");
		json.put("name", customer.name());
		json.put("slug", slug(customer.name(), customer.uuid()));
		json.put("native_name", "");
		json.put("abbreviation", "");
		json.put("description", "");
		json.put("contact_details", "");
		json.put("agreement_number", "");
		json.put("email", "");
		json.put("phone_number", "");
		json.put("access_subnets", "");
		json.put("registration_code", "");
		json.put("homepage", "");
		json.put("domain", "");
		json.put("vat_code", "");
		json.put("postal", "");
		json.put("address", "");
		json.put("bank_name", "");
		json.putNull("latitude");
		json.putNull("longitude");
		json.put("bank_account", "");
		json.put("country", "");
		json.put("notification_emails", "");
		json.putArray("payment_profiles");
		json.put("is_service_provider", customer.serviceProvider());
		json.putNull("service_provider");
		json.putNull("service_provider_uuid");
		json.putNull("call_managing_organization_uuid");
		return json;
	}

	/** Schema {@code MarketplaceCategory}. */
	static ObjectNode category(String apiRoot, SandboxCategory category, int offeringCount) {
		ObjectNode json = NODES.objectNode();
		json.put("url", categoryUrl(apiRoot, category.uuid()));
		json.put("uuid", category.uuid());
		json.put("title", category.title());
		json.put("description", category.description());
		json.putNull("icon");
		json.put("default_vm_category", false);
		json.put("default_volume_category", false);
		json.put("default_tenant_category", false);
		json.put("offering_count", offeringCount);
		json.put("available_offerings_count", offeringCount);
		json.putArray("sections");
		json.putArray("columns");
		json.putArray("components");
		json.putArray("articles");
		json.putNull("group");
		return json;
	}

	/** Schema {@code ServiceProvider}. */
	static ObjectNode serviceProvider(String apiRoot, SandboxServiceProvider provider, SandboxCustomer customer,
			int offeringCount) {
		ObjectNode json = NODES.objectNode();
		json.put("url", apiRoot + "marketplace-service-providers/" + provider.uuid() + "/");
		json.put("uuid", provider.uuid());
		json.put("created", timestamp(provider.created()));
		json.put("description", provider.description());
		json.put("enable_notifications", provider.enableNotifications());
		json.put("customer", customerUrl(apiRoot, customer.uuid()));
		json.put("customer_name", customer.name());
		json.put("customer_uuid", customer.uuid());
		json.put("customer_abbreviation", "");
		json.put("customer_slug", slug(customer.name(), customer.uuid()));
		json.put("customer_native_name", "");
		json.put("customer_country", "");
		json.putNull("image");
		json.putArray("organization_groups");
		json.put("offering_count", offeringCount);
		return json;
	}

	/** Schema {@code Version}. */
	static ObjectNode version(String version) {
		return NODES.objectNode().put("version", version);
	}

	static String customerUrl(String apiRoot, String uuid) {
		return apiRoot + "customers/" + uuid + "/";
	}

	static String categoryUrl(String apiRoot, String uuid) {
		return apiRoot + "marketplace-categories/" + uuid + "/";
	}

	/** Python's type name of a JSON value, for DRF's type errors. */
	static String pythonType(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return "NoneType";
		}
		if (value.isObject()) {
			return "dict";
		}
		if (value.isArray()) {
			return "list";
		}
		if (value.isBoolean()) {
			return "bool";
		}
		if (value.isIntegralNumber()) {
			return "int";
		}
		return value.isNumber() ? "float" : "str";
	}

	private static ObjectNode emptyOptions() {
		ObjectNode options = NODES.objectNode();
		options.putArray("order");
		options.putObject("options");
		return options;
	}

	private static String slug(String name, String uuid) {
		String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return (base.isEmpty() ? "item" : base.substring(0, Math.min(base.length(), 20))) + "-" + uuid.substring(0, 4);
	}

}
