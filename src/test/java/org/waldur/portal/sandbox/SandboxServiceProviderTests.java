package org.waldur.portal.sandbox;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's service providers, blocked flag and Waldur version follow Waldur: every
 * signed-in user lists providers, only staff registers one, one per organisation; the
 * version answers staff only; from 8.1.2 on the UID/GID start numbers are dropped from
 * {@code plugin_options} without an error.
 */
class SandboxServiceProviderTests extends SandboxTestSupport {

	@Autowired
	SandboxDirectory directory;

	@Test
	void theSeedHasOneProviderAndOneOrganisationThatIsNotYetOne() {
		assertThat(providersOf(owner(), this.seed.providerCustomerUuid()).size()).isEqualTo(1);
		assertThat(providersOf(owner(), this.seed.otherCustomerUuid()).size()).isZero();
		JsonNode provider = providersOf(owner(), this.seed.providerCustomerUuid()).get(0);
		assertThat(provider.get("customer").stringValue()).isEqualTo(customerUrl());
		assertThat(provider.get("customer_name").stringValue()).isEqualTo(SandboxSeed.PROVIDER_CUSTOMER);
		JsonNode other = get(staff(), "customers/" + this.seed.otherCustomerUuid() + "/").json();
		assertThat(other.get("is_service_provider").booleanValue()).isFalse();
		assertThat(get(staff(), "customers/" + this.seed.providerCustomerUuid() + "/").json()
			.get("is_service_provider")
			.booleanValue()).isTrue();
	}

	@Test
	void onlyStaffRegistersAProviderAndOnlyOncePerOrganisation() {
		String customer = organisation("Provider Rules");
		String body = "{\"customer\": \"" + api("customers/" + customer + "/") + "\"}";

		Reply byOwner = post(owner(), "marketplace-service-providers/", body);
		assertThat(byOwner.status()).isEqualTo(403);
		assertThat(byOwner.json().get("detail").stringValue()).isEqualTo(ApiException.PERMISSION_DENIED);
		assertThat(providersOf(staff(), customer).size()).isZero();

		Reply byStaff = post(staff(), "marketplace-service-providers/", body);
		assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(201);
		assertThat(byStaff.json().get("customer_uuid").stringValue()).isEqualTo(customer);
		assertThat(providersOf(owner(), customer).size()).isEqualTo(1);
		assertThat(get(staff(), "customers/" + customer + "/").json().get("is_service_provider").booleanValue())
			.isTrue();

		Reply again = post(staff(), "marketplace-service-providers/", body);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("customer").get(0).stringValue()).isEqualTo(ServiceProvidersApi.ALREADY_EXISTS);
		assertThat(providersOf(staff(), customer).size()).isEqualTo(1);
	}

	@Test
	void registrationNeedsAnExistingOrganisation() {
		Reply missing = post(staff(), "marketplace-service-providers/", "{}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("customer").get(0).stringValue()).isEqualTo("This field is required.");
		Reply unknown = post(staff(), "marketplace-service-providers/",
				"{\"customer\": \"" + api("customers/" + Ids.uuid() + "/") + "\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("customer").get(0).stringValue())
			.isEqualTo("Invalid hyperlink - Object does not exist.");
	}

	@Test
	void theBlockedFlagIsShownOnTheOrganisation() {
		String customer = organisation("Blocked Org");
		assertThat(get(staff(), "customers/" + customer + "/").json().get("blocked").booleanValue()).isFalse();
		this.directory.setBlocked(customer, true);
		assertThat(get(staff(), "customers/" + customer + "/").json().get("blocked").booleanValue()).isTrue();
	}

	@Test
	void theVersionIsConfigurableAndAnswersStaffOnly() {
		assertThat(get(staff(), "version/").json().get("version").stringValue()).isEqualTo("8.0.5");
		assertThat(get(owner(), "version/").status()).isEqualTo(403);
		this.waldurVersion.set("8.1.2");
		assertThat(get(staff(), "version/").json().get("version").stringValue()).isEqualTo("8.1.2");
		assertThat(get(staff(), "override-settings/").json()
			.get("ALLOW_SERVICE_PROVIDER_OFFERING_MANAGEMENT")
			.booleanValue()).isFalse();
		assertThat(get(owner(), "override-settings/").status()).isEqualTo(403);
	}

	@Test
	void from812TheUidAndGidNumbersAreDroppedSilently() {
		String options = """
				{"plugin_options": {"homedir_prefix": "/home/", "initial_uidnumber": 5000,
				 "initial_primarygroup_number": 5000, "initial_usergroup_number": 6000}}""";
		String older = createOffering(unique("Uid 805 "), true, true).get("uuid").stringValue();
		assertThat(post(owner(), "marketplace-provider-offerings/" + older + "/update_integration/", options).status())
			.isEqualTo(200);
		assertThat(pluginOptions(older).get("initial_uidnumber").intValue()).isEqualTo(5000);

		this.waldurVersion.set("8.1.2");
		String newer = createOffering(unique("Uid 812 "), true, true).get("uuid").stringValue();
		Reply update = post(owner(), "marketplace-provider-offerings/" + newer + "/update_integration/", options);
		assertThat(update.status()).isEqualTo(200);
		JsonNode stored = pluginOptions(newer);
		assertThat(stored.get("homedir_prefix").stringValue()).isEqualTo("/home/");
		assertThat(stored.has("initial_uidnumber")).isFalse();
		assertThat(stored.has("initial_primarygroup_number")).isFalse();
		assertThat(stored.has("initial_usergroup_number")).isFalse();
	}

	private String organisation(String name) {
		String uuid = Ids.uuid();
		this.directory.createCustomer(new SandboxCustomer(uuid, unique(name + " "), null, Instant.now(), false, false));
		return uuid;
	}

	private JsonNode providersOf(String token, String customerUuid) {
		Reply reply = get(token, "marketplace-service-providers/?customer_uuid=" + customerUuid);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private JsonNode pluginOptions(String offering) {
		return get(owner(), "marketplace-provider-offerings/" + offering + "/").json().get("plugin_options");
	}

}
