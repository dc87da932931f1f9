package org.waldur.portal.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, listing and reading provider offerings.
 */
class SandboxOfferingApiTests extends SandboxTestSupport {

	private static final String PLAN = "[{\"name\": \"Default\", \"unit\": \"month\"}]";

	@Test
	void createAnswersProviderOfferingDetailsInDraft() {
		JsonNode offering = createOffering("Test Cluster", true, true);
		String uuid = offering.get("uuid").stringValue();
		assertThat(uuid).matches("[0-9a-f]{32}");
		assertThat(offering.get("url").stringValue()).isEqualTo(api("marketplace-provider-offerings/" + uuid + "/"));
		assertThat(offering.get("state").stringValue()).isEqualTo("Draft");
		assertThat(offering.has("state_code")).isFalse();
		assertThat(offering.get("customer").stringValue()).isEqualTo(customerUrl());
		assertThat(offering.get("customer_uuid").stringValue()).isEqualTo(this.seed.providerCustomerUuid());
		assertThat(offering.get("customer_name").stringValue()).isEqualTo(SandboxSeed.PROVIDER_CUSTOMER);
		assertThat(offering.get("category_title").stringValue()).isEqualTo("HPC");
		assertThat(offering.get("type").stringValue()).isEqualTo(SLURM);
		assertThat(offering.get("shared").booleanValue()).isTrue();
		assertThat(offering.get("plugin_options").isObject()).isTrue();
		assertThat(offering.get("plugin_options").isEmpty()).isTrue();
		JsonNode component = offering.get("components").get(0);
		assertThat(component.get("uuid").stringValue()).matches("[0-9a-f]{32}");
		assertThat(component.get("billing_type").stringValue()).isEqualTo("usage");
		assertThat(component.get("unit_factor").intValue()).isEqualTo(1);
		assertThat(component.get("limit_period").isNull()).isTrue();
		JsonNode plan = offering.get("plans").get(0);
		assertThat(plan.get("url").stringValue()).startsWith(api("marketplace-plans/"));
		assertThat(plan.get("unit").stringValue()).isEqualTo("month");
		assertThat(plan.get("unit_price").stringValue()).isEqualTo("0.0000000000");
		assertThat(plan.get("prices").get("node_hours").doubleValue()).isZero();
	}

	@Test
	void createIsNotIdempotent() {
		String name = unique("twice-");
		String first = createOffering(name, true, true).get("uuid").stringValue();
		String second = createOffering(name, true, true).get("uuid").stringValue();
		assertThat(first).isNotEqualTo(second);
		Reply list = get(staff(), "marketplace-provider-offerings/?name_exact=" + name);
		assertThat(list.header("X-Result-Count")).isEqualTo("2");
	}

	@Test
	void unknownTypeIsInvalidValue() {
		String body = offeringBody("x", true, PLAN).replace(SLURM, "Marketplace.Nonsense");
		Reply reply = post(owner(), "marketplace-provider-offerings/", body);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("type").get(0).stringValue()).isEqualTo("Invalid value.");
	}

	@Test
	void categoryHyperlinkToMissingObjectIsRejected() {
		String body = offeringBody("x", true, PLAN).replace(this.seed.categoryUuid("HPC"), Ids.uuid());
		Reply reply = post(owner(), "marketplace-provider-offerings/", body);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("{\"category\":[\"Invalid hyperlink - Object does not exist.\"]}");
	}

	@Test
	void missingRequiredFieldsAreListed() {
		Reply reply = post(owner(), "marketplace-provider-offerings/", "{}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().propertyNames()).containsExactly("name", "category", "type");
		assertThat(reply.json().get("name").get(0).stringValue()).isEqualTo("This field is required.");
	}

	@Test
	void componentErrorsAreAListOfObjectsWithEmptyOnesForValidItems() {
		String body = offeringBody("x", true, PLAN).replace("\"components\": [", """
				"components": [{"type": "cpu", "name": "CPU", "billing_type": "usage"},
				  {"type": "bad type!", "name": "Bad", "billing_type": "x", "limit_period": "weekly"},
				""");
		Reply reply = post(owner(), "marketplace-provider-offerings/", body);
		assertThat(reply.status()).isEqualTo(400);
		JsonNode components = reply.json().get("components");
		assertThat(components.isArray()).isTrue();
		assertThat(components).hasSize(3);
		assertThat(components.get(0).isEmpty()).isTrue();
		assertThat(components.get(1).get("billing_type").get(0).stringValue())
			.isEqualTo("\"x\" is not a valid choice.");
		assertThat(components.get(1).get("type").get(0).stringValue()).startsWith("Internal name must contain");
		assertThat(components.get(1).get("limit_period").get(0).stringValue())
			.isEqualTo("\"weekly\" is not a valid choice.");
		assertThat(components.get(2).isEmpty()).isTrue();
	}

	@Test
	void componentLimitPeriodAcceptsBlankAndQuarterly() {
		String body = offeringBody("x", true, PLAN).replace("\"limit_period\": null", "\"limit_period\": \"\"")
			.replace("\"components\": [", "\"components\": [{\"type\": \"q\", \"name\": \"Q\", "
					+ "\"billing_type\": \"limit\", \"limit_period\": \"quarterly\"},");
		Reply reply = post(owner(), "marketplace-provider-offerings/", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.json().get("components").get(0).get("limit_period").stringValue()).isEqualTo("quarterly");
		assertThat(reply.json().get("components").get(1).get("limit_period").stringValue()).isEmpty();
	}

	@Test
	void emptyPlansAreRejected() {
		Reply reply = post(owner(), "marketplace-provider-offerings/", offeringBody("x", true, "[]"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("{\"plans\":[\"At least one plan should be specified.\"]}");
	}

	@Test
	void planUnitMustBeABillingUnit() {
		Reply reply = post(owner(), "marketplace-provider-offerings/",
				offeringBody("x", true, "[{\"name\": \"Default\", \"unit\": \"week\"}]"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("plans").get(0).get("unit").get(0).stringValue())
			.isEqualTo("\"week\" is not a valid choice.");
	}

	@Test
	void onlyStaffOrTheCustomerOwnerMayCreate(@Autowired SandboxDirectory directory) {
		String otherCustomer = directory.findCustomerByName(SandboxSeed.OTHER_CUSTOMER).orElseThrow().uuid();
		String body = offeringBody("x", true, PLAN).replace(this.seed.providerCustomerUuid(), otherCustomer);
		Reply reply = post(owner(), "marketplace-provider-offerings/", body);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.body()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
		Reply byStaff = post(staff(), "marketplace-provider-offerings/", body);
		assertThat(byStaff.status()).isEqualTo(201);
		assertThat(byStaff.json().get("customer_name").stringValue()).isEqualTo(SandboxSeed.OTHER_CUSTOMER);
	}

	@Test
	void listFiltersByNameCustomerTypeAndState() {
		String name = unique("filtered-");
		String uuid = createOffering(name, true, true).get("uuid").stringValue();
		String query = "marketplace-provider-offerings/?name_exact=" + name + "&customer_uuid="
				+ this.seed.providerCustomerUuid() + "&type=" + SLURM;
		Reply draft = get(staff(), query + "&state=Draft");
		assertThat(draft.status()).isEqualTo(200);
		assertThat(draft.json()).hasSize(1);
		assertThat(draft.json().get(0).get("uuid").stringValue()).isEqualTo(uuid);
		assertThat(get(staff(), query + "&state=Active").json()).isEmpty();
		assertThat(get(staff(), query.replace(SLURM, "Marketplace.Basic")).json()).isEmpty();
		assertThat(get(staff(), "marketplace-provider-offerings/?state=Bogus").status()).isEqualTo(400);
	}

	@Test
	void detailAndMissingOffering() {
		String uuid = createOffering(unique("detail-"), true, true).get("uuid").stringValue();
		Reply found = get(owner(), "marketplace-provider-offerings/" + uuid + "/");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("uuid").stringValue()).isEqualTo(uuid);
		Reply missing = get(owner(), "marketplace-provider-offerings/" + Ids.uuid() + "/");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo("{\"detail\":\"No Offering matches the given query.\"}");
	}

}
