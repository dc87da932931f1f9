package org.waldur.portal.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.BillingUnit;
import org.waldur.portal.waldur.LimitPeriod;
import org.waldur.portal.waldur.WaldurVocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the body of {@code POST marketplace-provider-offerings/} like Waldur's
 * {@code OfferingCreateSerializer}: field errors first, then the permission check on the
 * customer.
 */
final class OfferingCreation {

	/**
	 * Plugin types registered in a stock Waldur; {@code Marketplace.Slurm} is the site
	 * agent's.
	 */
	static final Set<String> OFFERING_TYPES = Set.of("Marketplace.Basic", "Marketplace.Booking", "Marketplace.Script",
			"Marketplace.Slurm", "Marketplace.Rancher", "OpenStack.Tenant", "OpenStack.Instance", "OpenStack.Volume");

	static final List<String> BILLING_TYPES = WaldurVocabulary.values(BillingType.class);

	static final List<String> LIMIT_PERIODS = WaldurVocabulary.values(LimitPeriod.class);

	static final List<String> BILLING_UNITS = WaldurVocabulary.values(BillingUnit.class);

	private static final Pattern INTERNAL_NAME = Pattern.compile("^[a-zA-Z0-9_\\-/:]+$");

	private static final String INTERNAL_NAME_MESSAGE = "Internal name must contain only alphanumeric characters, "
			+ "underscores, hyphens, and slashes.";

	private OfferingCreation() {
	}

	/**
	 * Reads the request or throws Waldur's 400.
	 * @param body the request body
	 * @param customerExists whether a customer UUID exists
	 * @param categoryExists whether a category UUID exists
	 * @param removedOptions plugin options the sandbox's Waldur version no longer knows
	 * @return the validated offering fields
	 */
	static NewOffering read(ObjectNode body, Predicate<String> customerExists, Predicate<String> categoryExists,
			Set<String> removedOptions) {
		FieldReader reader = new FieldReader(body);
		String name = reader.text("name", true, 150, false, null);
		String description = reader.text("description", false, Integer.MAX_VALUE, true, "");
		String customer = Hyperlinks.read(reader, "customer", "customers", false, customerExists);
		String category = Hyperlinks.read(reader, "category", "marketplace-categories", true, categoryExists);
		List<ObjectNode> components = components(reader);
		ObjectNode pluginOptions = pluginOptions(reader, removedOptions);
		List<ObjectNode> plans = plans(reader);
		String type = reader.text("type", true, 100, false, null);
		if (type != null && !OFFERING_TYPES.contains(type)) {
			reader.error("type", "Invalid value.");
		}
		Boolean shared = reader.bool("shared", true);
		Boolean billable = reader.bool("billable", true);
		String backendId = reader.text("backend_id", false, 255, true, "");
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		if (customer == null) {
			throw ApiException.field("customer", FieldReader.REQUIRED);
		}
		return new NewOffering(nonNull(name), nonNull(description), customer, nonNull(category), nonNull(type),
				Boolean.TRUE.equals(shared), Boolean.TRUE.equals(billable), pluginOptions, components, plans,
				(backendId != null) ? backendId : "");
	}

	private static List<ObjectNode> components(FieldReader reader) {
		return items(reader, "components", OfferingCreation::component, false);
	}

	private static List<ObjectNode> plans(FieldReader reader) {
		return items(reader, "plans", OfferingCreation::plan, true);
	}

	private static ObjectNode pluginOptions(FieldReader reader, Set<String> removed) {
		JsonNode submitted = reader.raw("plugin_options");
		if (submitted == null) {
			return JsonNodeFactory.instance.objectNode();
		}
		ObjectNode accepted = PluginOptions.read(submitted, "plugin_options", reader.errors(), removed);
		return (accepted != null) ? accepted : JsonNodeFactory.instance.objectNode();
	}

	/**
	 * A list of nested objects: errors become a list with one object per item, empty for
	 * valid items.
	 */
	private static List<ObjectNode> items(FieldReader reader, String field, Function<JsonNode, FieldReader> readItem,
			boolean atLeastOne) {
		JsonNode value = reader.raw(field);
		List<ObjectNode> result = new ArrayList<>();
		if (value == null) {
			return result;
		}
		if (!value.isArray()) {
			ObjectNode error = JsonNodeFactory.instance.objectNode();
			error.putArray("non_field_errors")
				.add("Expected a list of items but got type \"" + SandboxJson.pythonType(value) + "\".");
			reader.error(field, error);
			return result;
		}
		ArrayNode itemErrors = JsonNodeFactory.instance.arrayNode();
		boolean failed = false;
		for (JsonNode item : value) {
			FieldReader itemReader = readItem.apply(item);
			itemErrors.add(itemReader.errors());
			failed |= itemReader.hasErrors();
			result.add(itemReader.out());
		}
		if (failed) {
			reader.error(field, itemErrors);
		}
		else if (atLeastOne && result.isEmpty()) {
			reader.error(field, "At least one plan should be specified.");
		}
		return result;
	}

	private static FieldReader component(JsonNode item) {
		FieldReader reader = new FieldReader(item.isObject() ? item : JsonNodeFactory.instance.objectNode());
		if (!item.isObject()) {
			reader.error("non_field_errors",
					"Invalid data. Expected a dictionary, but got " + SandboxJson.pythonType(item) + ".");
			return reader;
		}
		reader.out().put("uuid", Ids.uuid());
		reader.choice("billing_type", true, false, false, BILLING_TYPES, null);
		String type = reader.text("type", true, 50, false, null);
		if (type != null && !INTERNAL_NAME.matcher(type).matches()) {
			reader.error("type", INTERNAL_NAME_MESSAGE);
		}
		reader.text("name", true, 150, false, null);
		reader.text("description", false, 4096, true, "");
		reader.text("measured_unit", false, 30, true, "");
		reader.integer("unit_factor", false, null, null, 1, false);
		reader.choice("limit_period", false, true, true, LIMIT_PERIODS, null);
		if (!reader.out().has("limit_period")) {
			reader.out().putNull("limit_period");
		}
		reader.integer("limit_amount", true, null, null, null, true);
		reader.text("article_code", false, 30, true, "");
		reader.integer("max_value", true, null, null, null, true);
		reader.integer("min_value", true, null, null, null, true);
		reader.integer("max_available_limit", true, null, null, null, true);
		reader.bool("is_boolean", false);
		reader.integer("default_limit", true, null, null, null, true);
		reader.out().putNull("factor");
		reader.out().put("is_builtin", false);
		reader.bool("is_prepaid", false);
		reader.out().putNull("overage_component");
		reader.integer("min_prepaid_duration", true, null, null, null, true);
		reader.integer("max_prepaid_duration", true, null, null, null, true);
		return reader;
	}

	private static FieldReader plan(JsonNode item) {
		FieldReader reader = new FieldReader(item.isObject() ? item : JsonNodeFactory.instance.objectNode());
		if (!item.isObject()) {
			reader.error("non_field_errors",
					"Invalid data. Expected a dictionary, but got " + SandboxJson.pythonType(item) + ".");
			return reader;
		}
		reader.out().put("uuid", Ids.uuid());
		reader.text("name", true, 150, false, null);
		reader.text("description", false, Integer.MAX_VALUE, true, "");
		reader.text("article_code", false, 30, true, "");
		reader.integer("max_amount", true, 1, 32767, null, true);
		reader.bool("archived", false);
		reader.decimal("unit_price", 10, "0.0000000000");
		reader.choice("unit", false, false, false, BILLING_UNITS, BillingUnit.MONTH.value());
		reader.text("backend_id", false, 255, true, "");
		return reader;
	}

	private static <T> T nonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Validated field is missing");
		}
		return value;
	}

	/**
	 * A validated offering creation request.
	 *
	 * @param name name
	 * @param description description
	 * @param customerUuid providing customer
	 * @param categoryUuid category
	 * @param type plugin type
	 * @param shared whether shared
	 * @param billable whether billable
	 * @param pluginOptions accepted plugin options
	 * @param components components with UUIDs
	 * @param plans plans with UUIDs
	 * @param backendId {@code backend_id}, empty when not given
	 */
	record NewOffering(String name, String description, String customerUuid, String categoryUuid, String type,
			boolean shared, boolean billable, ObjectNode pluginOptions, List<ObjectNode> components,
			List<ObjectNode> plans, String backendId) {
	}

}
