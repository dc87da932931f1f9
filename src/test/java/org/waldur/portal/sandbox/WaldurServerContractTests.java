package org.waldur.portal.sandbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.waldur.Customer;
import org.waldur.portal.waldur.MarketplaceCategory;
import org.waldur.portal.waldur.ServiceProvider;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurExchange;
import org.waldur.portal.waldur.WaldurNotFoundException;
import org.waldur.portal.waldur.WaldurResult;
import org.waldur.portal.waldur.WaldurServer;
import org.waldur.portal.waldur.WaldurVersion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal's new requests (version, settings, service providers, organisation and
 * category reads) against the sandbox, each request body and response validated against
 * Waldur's OpenAPI 8.0.5 schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaldurServerContractTests {

	@Autowired
	WaldurClient waldur;

	@Autowired
	WaldurServer server;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxWaldurVersion sandboxVersion;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@AfterEach
	void reset() {
		SandboxFixtures.resetVersion(this.context);
	}

	@Test
	void versionAndSettingsFollowTheContract() {
		WaldurResult<?> version = this.waldur.version(Duration.ofSeconds(5));
		SandboxContractFlowTests.assertResponse(version.exchange(), 200, "Version");
		assertThat(version.exchange().url()).endsWith("/version/");
		SandboxContractFlowTests.assertResponse(this.waldur.overrideSettings(Duration.ofSeconds(5)).exchange(), 200,
				"ConstanceSettings");

		SandboxFixtures.answerAs(this.context, "8.0.5");
		WaldurVersion known = this.server.current();
		assertThat(known.version()).isEqualTo("8.0.5");
		assertThat(known.dropsUidNumbers()).isFalse();
		assertThat(known.providersMayActivate()).isFalse();
		SandboxFixtures.answerAs(this.context, "8.1.2");
		assertThat(this.server.current().version()).isEqualTo("8.1.2");
		assertThat(this.server.current().dropsUidNumbers()).isTrue();
	}

	@Test
	void serviceProviderRequestsFollowTheContract() {
		String api = "http://127.0.0.1:" + this.port + "/sandbox/api/";
		String customer = SandboxFixtures.newOrganisation(this.context, SandboxTestSupport.unique("Contract Org "));
		WaldurCredential staff = WaldurCredential.staff();

		WaldurResult<List<ServiceProvider>> none = this.waldur.serviceProviders(staff, customer);
		assertThat(none.value()).isEmpty();
		assertThat(none.exchange().url()).contains("marketplace-service-providers/?customer_uuid=" + customer);
		SandboxContractFlowTests.assertListResponse(none.exchange(), "ServiceProvider");

		WaldurResult<ServiceProvider> registered = this.waldur
			.send(WaldurCalls.registerServiceProvider(api + "customers/" + customer + "/"));
		assertRequest(registered.exchange(), "ServiceProviderRequest");
		SandboxContractFlowTests.assertResponse(registered.exchange(), 201, "ServiceProvider");
		assertThat(registered.value().customerUuid()).isEqualTo(customer);

		WaldurResult<List<ServiceProvider>> one = this.waldur.serviceProviders(staff, customer);
		assertThat(one.value()).extracting(ServiceProvider::uuid).containsExactly(registered.value().uuid());
		SandboxContractFlowTests.assertListResponse(one.exchange(), "ServiceProvider");

		WaldurResult<Customer> read = this.waldur.customer(staff, customer);
		SandboxContractFlowTests.assertResponse(read.exchange(), 200, "Customer");
		assertThat(read.value().isServiceProvider()).isTrue();
		assertThat(read.value().unavailable()).isFalse();
		SandboxFixtures.block(this.context, customer, true);
		assertThat(this.waldur.customer(staff, customer).value().unavailable()).isTrue();

		WaldurResult<MarketplaceCategory> category = this.waldur.category(staff, this.seed.categoryUuid("HPC"));
		SandboxContractFlowTests.assertResponse(category.exchange(), 200, "MarketplaceCategory");
		assertThatThrownBy(() -> this.waldur.category(staff, Ids.uuid())).isInstanceOf(WaldurNotFoundException.class);
	}

	@Test
	void theRegistrationPreviewIsTheRequestSent() {
		String url = "http://127.0.0.1:" + this.port + "/sandbox/api/customers/" + this.seed.otherCustomerUuid() + "/";
		assertThat(this.waldur.preview(WaldurCalls.registerServiceProvider(url)).body()).contains("\"customer\"", url);
		assertThat(this.waldur.preview(WaldurCalls.registerServiceProvider(url)).url())
			.endsWith("/marketplace-service-providers/");
	}

	private static void assertRequest(WaldurExchange exchange, String schema) {
		assertThat(SandboxContractFlowTests.CONTRACT.validate(schema, exchange.requestBody()))
			.as(exchange.requestBody())
			.isEmpty();
	}

}
