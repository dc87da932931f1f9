package org.waldur.portal.waldur;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven onboarding calls and the look-ups against a WireMock Waldur, with the status
 * codes Waldur 8.0.5 really returns. Every request body the client sends and every canned
 * response is checked against Waldur's OpenAPI schema.
 */
class WaldurClientTests extends WaldurWireMockSupport {

	private static final String CATEGORY_URL = "https://waldur.example.com/api/marketplace-categories/ca7e9000ca7e9000ca7e9000ca7e9000/";

	private static final String CUSTOMER_URL = "https://waldur.example.com/api/customers/" + CUSTOMER_UUID + "/";

	private final OpenApiContract contract = OpenApiContract.load();

	@Test
	void createsAnOfferingWithTheOwnerToken() {
		String response = fixture("offering.json");
		this.contract.assertValid("ProviderOfferingDetails", response);
		wireMock.stubFor(post(urlPathEqualTo(OFFERINGS)).willReturn(json(201, response)));

		WaldurResult<Offering> result = this.client.send(
				WaldurCalls.createOffering(WaldurCredential.Kind.ORGANISATION_OWNER, offeringRequest()),
				WaldurCredential.owner(OWNER_TOKEN));

		Offering offering = result.value();
		assertThat(offering.uuid()).isEqualTo(OFFERING_UUID);
		assertThat(offering.state()).isEqualTo("Draft");
		assertThat(offering.active()).isFalse();
		assertThat(offering.customerUuid()).isEqualTo(CUSTOMER_UUID);
		assertThat(offering.components()).extracting(Offering.OfferingComponent::type).containsExactly("cpu", "mem");
		assertThat(offering.components().get(0).limitAmount()).isEqualTo(1000);
		assertThat(offering.plans()).extracting(Offering.OfferingPlan::name).containsExactly("Default");
		assertThat(offering.shared()).isTrue();
		assertThat(result.exchange().status()).isEqualTo(201);
		assertThat(result.exchange().credentialKind()).isEqualTo(WaldurCredential.Kind.ORGANISATION_OWNER);

		String sent = receivedBody(
				postRequestedFor(urlPathEqualTo(OFFERINGS)).withHeader("Authorization", equalTo("Token " + OWNER_TOKEN))
					.withHeader("Content-Type", equalTo("application/json"))
					.withHeader("User-Agent", equalTo("waldur-onboarding-portal/test")));
		this.contract.assertValid("OfferingCreateRequest", sent);
		assertThat(sent).contains("\"type\":\"Marketplace.Slurm\"", "\"customer\":\"" + CUSTOMER_URL + "\"",
				"\"shared\":true", "\"billing_type\":\"usage\"", "\"limit_period\":\"month\"");
		assertThat(sent).doesNotContain("null");
	}

	@Test
	void updatesTheIntegrationAndAcceptsAnEmptyBody() {
		wireMock.stubFor(
				post(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/update_integration/")).willReturn(json(200, "")));

		WaldurExchange exchange = this.client
			.send(WaldurCalls.updateIntegration(WaldurCredential.Kind.ORGANISATION_OWNER, OFFERING_UUID,
					pluginOptions(null)), WaldurCredential.owner(OWNER_TOKEN))
			.exchange();

		assertThat(exchange.status()).isEqualTo(200);
		String sent = receivedBody(
				postRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/update_integration/")));
		this.contract.assertValid("OfferingIntegrationUpdateRequest", sent);
		assertThat(sent).startsWith("{\"plugin_options\":{")
			.contains("\"username_generation_policy\":\"service_provider\"", "\"account_name_generation_policy\":null",
					"\"service_provider_can_create_offering_user\":true")
			.doesNotContain("initial_uidnumber", "initial_usergroup_number", "initial_primarygroup_number");
	}

	@Test
	void sendsUidAndGidNumbersWhenGiven() {
		wireMock.stubFor(
				post(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/update_integration/")).willReturn(json(200, "")));

		this.client.send(WaldurCalls.updateIntegration(WaldurCredential.Kind.STAFF, OFFERING_UUID, pluginOptions(5000)))
			.exchange();

		String sent = receivedBody(
				postRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/update_integration/")));
		this.contract.assertValid("OfferingIntegrationUpdateRequest", sent);
		assertThat(sent).contains("\"initial_uidnumber\":5000", "\"initial_usergroup_number\":6000",
				"\"initial_primarygroup_number\":5000", "\"account_name_generation_policy\":\"project_slug\"");
	}

	@Test
	void activatesWithTheStaffTokenAndReadsTheState() {
		String response = fixture("detail-state.json");
		this.contract.assertValid("DetailState", response);
		wireMock
			.stubFor(post(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/activate/")).willReturn(json(200, response)));

		WaldurResult<OfferingStateChange> result = this.client.send(WaldurCalls.activateOffering(OFFERING_UUID));

		assertThat(result.value().state()).isEqualTo("Active");
		assertThat(result.value().detail()).isEqualTo("Offering state updated.");
		assertThat(result.exchange().credentialKind()).isEqualTo(WaldurCredential.Kind.STAFF);
		wireMock.verify(postRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/activate/"))
			.withHeader("Authorization", equalTo("Token " + STAFF_TOKEN)));
	}

	@Test
	void createsAUser() {
		String response = fixture("user.json");
		this.contract.assertValid("User", response);
		wireMock.stubFor(post(urlPathEqualTo("/api/users/")).willReturn(json(201, response)));

		WaldurResult<WaldurUser> result = this.client
			.send(WaldurCalls.createUser(new NewUser("alpha-hpc-agent", "agent@alpha.example.com", "Alpha", "Agent")));

		assertThat(result.value().uuid()).isEqualTo(USER_UUID);
		assertThat(result.value().username()).isEqualTo("alpha-hpc-agent");
		assertThat(result.value().isActive()).isTrue();
		String sent = receivedBody(postRequestedFor(urlPathEqualTo("/api/users/")).withHeader("Authorization",
				equalTo("Token " + STAFF_TOKEN)));
		this.contract.assertValid("UserRequest", sent);
		assertThat(sent).isEqualTo("{\"username\":\"alpha-hpc-agent\",\"email\":\"agent@alpha.example.com\","
				+ "\"first_name\":\"Alpha\",\"last_name\":\"Agent\",\"is_staff\":false,\"is_active\":true,"
				+ "\"is_support\":false,\"agree_with_policy\":true}");
	}

	@Test
	void grantsTheOfferingManagerRoleAndReads201() {
		String response = fixture("role-expiration.json");
		this.contract.assertValid("UserRoleExpirationTime", response);
		wireMock
			.stubFor(post(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/add_user/")).willReturn(json(201, response)));

		WaldurResult<RoleGrant> result = this.client
			.send(WaldurCalls.addOfferingUser(WaldurCredential.Kind.ORGANISATION_OWNER, OFFERING_UUID, USER_UUID,
					WaldurRole.OFFERING_MANAGER), WaldurCredential.owner(OWNER_TOKEN));

		assertThat(result.value().expirationTime()).isNull();
		String sent = receivedBody(postRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/add_user/")));
		this.contract.assertValid("UserRoleCreateRequest", sent);
		wireMock.verify(postRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/add_user/")).withRequestBody(
				equalToJson("{\"role\":\"OFFERING.MANAGER\",\"user\":\"0b7c3a3e-8c59-4e43-b3f4-9f1f63a7c3d1\"}")));
	}

	@Test
	void readsTheUsersToken() {
		String response = fixture("user-auth-token.json");
		this.contract.assertValid("UserAuthToken", response);
		wireMock.stubFor(get(urlPathEqualTo("/api/users/" + USER_UUID + "/token/")).willReturn(json(200, response)));

		UserAuthToken token = this.client.send(WaldurCalls.getToken(USER_UUID)).value();

		assertThat(token.token().value()).isEqualTo("4f0e1c2d3b4a5968778695a4b3c2d1e0f9e8d7c6");
		assertThat(token.userUsername()).isEqualTo("alpha-hpc-agent");
		assertThat(token.userIsActive()).isTrue();
		assertThat(token.lifetime()).isEqualTo(Duration.ofHours(1));
		assertThat(token.created()).isNotNull();
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/users/" + USER_UUID + "/token/"))
			.withHeader("Authorization", equalTo("Token " + STAFF_TOKEN)));
	}

	@Test
	void refreshesTheTokenAndReads201() {
		String response = fixture("user-auth-token.json").replace("4f0e1c2d", "99990000");
		this.contract.assertValid("UserAuthToken", response);
		wireMock.stubFor(
				post(urlPathEqualTo("/api/users/" + USER_UUID + "/refresh_token/")).willReturn(json(201, response)));

		WaldurResult<UserAuthToken> result = this.client.send(WaldurCalls.refreshToken(USER_UUID));

		assertThat(result.value().token().value()).startsWith("99990000");
		assertThat(result.exchange().status()).isEqualTo(201);
	}

	@Test
	void readsTheTokenLifetimeLeniently() {
		String asText = fixture("user-auth-token.json").replace("\"user_token_lifetime\": 3600",
				"\"user_token_lifetime\": \"3600\"");
		String asNull = fixture("user-auth-token.json").replace("\"user_token_lifetime\": 3600",
				"\"user_token_lifetime\": null");
		wireMock.stubFor(get(urlPathEqualTo("/api/users/" + USER_UUID + "/token/")).willReturn(json(200, asText)));
		assertThat(this.client.send(WaldurCalls.getToken(USER_UUID)).value().userTokenLifetime()).isEqualTo(3600);

		wireMock.stubFor(get(urlPathEqualTo("/api/users/" + USER_UUID + "/token/")).willReturn(json(200, asNull)));
		assertThat(this.client.send(WaldurCalls.getToken(USER_UUID)).value().lifetime()).isNull();
	}

	@Test
	void findsOfferingsByExactNameCustomerAndType() {
		String offering = fixture("offering.json");
		wireMock.stubFor(get(urlPathEqualTo(OFFERINGS)).willReturn(json(200, "[" + offering + "]")));

		List<Offering> found = this.client
			.findOfferings(WaldurCredential.owner(OWNER_TOKEN), "Alpha HPC", CUSTOMER_UUID)
			.value();

		assertThat(found).extracting(Offering::uuid).containsExactly(OFFERING_UUID);
		wireMock.verify(getRequestedFor(urlPathEqualTo(OFFERINGS)).withQueryParam("name_exact", equalTo("Alpha HPC"))
			.withQueryParam("customer_uuid", equalTo(CUSTOMER_UUID))
			.withQueryParam("type", equalTo("Marketplace.Slurm")));
	}

	@Test
	void readsAnOffering() {
		wireMock.stubFor(get(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/"))
			.willReturn(json(200, fixture("offering.json").replace("\"Draft\"", "\"Active\""))));

		Offering offering = this.client.getOffering(WaldurCredential.staff(), OFFERING_UUID).value();

		assertThat(offering.active()).isTrue();
	}

	@Test
	void listsTheOfferingUsersByUserAndRole() {
		String response = fixture("offering-users.json");
		wireMock.stubFor(get(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/list_users/"))
			.willReturn(json(200, response).withHeader("X-Result-Count", "1")));

		List<OfferingUserRole> roles = this.client
			.listOfferingUsers(WaldurCredential.staff(), OFFERING_UUID, USER_UUID, WaldurRole.OFFERING_MANAGER)
			.value();

		assertThat(roles).singleElement().satisfies((role) -> {
			assertThat(role.roleName()).isEqualTo("OFFERING.MANAGER");
			assertThat(role.userUuid()).isEqualTo(USER_UUID);
		});
		wireMock.verify(getRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/list_users/"))
			.withQueryParam("user", equalTo(USER_UUID))
			.withQueryParam("role", equalTo("OFFERING.MANAGER")));
		this.contract.assertValidList("UserRoleDetails", response);
	}

	@Test
	void findsAUserByExactUsernameEncodingThePlusSign() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/"))
			.willReturn(json(200, "[" + fixture("user.json").replace("alpha-hpc-agent", "a+b") + "]")));

		Optional<WaldurUser> user = this.client.findUserByUsername("a+b").value();

		assertThat(user).map(WaldurUser::username).contains("a+b");
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/users/")).withQueryParam("username", equalTo("a+b")));
	}

	@Test
	void findsNoUserInAnEmptyList() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/")).willReturn(json(200, "[]")));

		assertThat(this.client.findUserByUsername("nobody").value()).isEmpty();
	}

	@Test
	void readsTheCurrentUserWithTheGivenCredential() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));

		WaldurUser me = this.client.currentUser(WaldurCredential.owner(OWNER_TOKEN)).value();

		assertThat(me.username()).isEqualTo("alpha-hpc-agent");
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/users/me/")).withHeader("Authorization",
				equalTo("Token " + OWNER_TOKEN)));
	}

	@Test
	void pagesCustomersWithTotalAndNextLink() {
		String response = fixture("customers.json");
		String base = "http://localhost:" + wireMock.port() + "/api/customers/?page_size=2&query=a";
		wireMock.stubFor(
				get(urlPathEqualTo("/api/customers/")).willReturn(json(200, response).withHeader("X-Result-Count", "5")
					.withHeader("Link", "<" + base + "&page=1>; rel=\"first\", <" + base + "&page=1>; rel=\"prev\", <"
							+ base + "&page=3>; rel=\"next\", <" + base + "&page=3>; rel=\"last\"")));

		WaldurPage<Customer> page = this.client.customers(WaldurCredential.staff(), "a", 2, 2).value();

		assertThat(page.items()).extracting(Customer::name).containsExactly("Alpha Computing", "Beta Research");
		assertThat(page.items().get(0).url()).isEqualTo(CUSTOMER_URL);
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.hasNext()).isTrue();
		assertThat(page.hasPrevious()).isTrue();
		assertThat(page.totalPages()).isEqualTo(3);
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/customers/")).withQueryParam("query", equalTo("a"))
			.withQueryParam("page", equalTo("2"))
			.withQueryParam("page_size", equalTo("2")));
		this.contract.assertValidList("Customer", response);
	}

	@Test
	void pagesCategoriesOnTheLastPage() {
		String response = fixture("categories.json");
		String base = "http://localhost:" + wireMock.port() + "/api/marketplace-categories/?page_size=10";
		wireMock.stubFor(get(urlPathEqualTo("/api/marketplace-categories/"))
			.willReturn(json(200, response).withHeader("X-Result-Count", "1")
				.withHeader("Link", "<" + base + "&page=1>; rel=\"first\", <" + base + "&page=1>; rel=\"last\"")));

		WaldurPage<MarketplaceCategory> page = this.client.categories(WaldurCredential.staff(), null, 1, 10).value();

		assertThat(page.items()).extracting(MarketplaceCategory::title).containsExactly("HPC");
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.hasNext()).isFalse();
		assertThat(page.hasPrevious()).isFalse();
		wireMock
			.verify(getRequestedFor(urlPathEqualTo("/api/marketplace-categories/")).withQueryParam("title", absent()));
		this.contract.assertValidList("MarketplaceCategory", response);
	}

	@Test
	void toleratesUnknownFieldsInResponses() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200,
				"{\"uuid\": \"" + USER_UUID + "\", \"username\": \"x\", \"brand_new_field\": {\"a\": [1]}}")));

		assertThat(this.client.currentUser(WaldurCredential.staff()).value().username()).isEqualTo("x");
	}

	@Test
	void resolvesTheEndpointOnEachCall() {
		WaldurEndpoint[] current = { new TestEndpoint(URI.create("http://localhost:1/api/"), STAFF_TOKEN, true) };
		WaldurClientSettings settings = new WaldurClientSettings(Duration.ofSeconds(1), READ_TIMEOUT, 0,
				Duration.ofMillis(1), PAGE_READ_TIMEOUT, 0, MAX_CALLS, "test");
		WaldurClient late = new WaldurClient(
				new WaldurTransport(org.springframework.web.reactive.function.client.WebClient.builder(),
						() -> current[0], settings, WaldurJson.mapper()));
		current[0] = endpoint();
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));

		assertThat(late.currentUser(WaldurCredential.staff()).value().uuid()).isEqualTo(USER_UUID);
	}

	static OfferingRequest offeringRequest() {
		return new OfferingRequest("Alpha HPC", "The Alpha SLURM cluster", URI.create(CUSTOMER_URL),
				URI.create(CATEGORY_URL),
				List.of(new OfferingComponentRequest("cpu", "CPU", "hours", BillingType.USAGE, LimitPeriod.MONTH, 1000,
						1),
						new OfferingComponentRequest("mem", "Memory", "GB-hours", BillingType.LIMIT, null, null, 1024)),
				List.of(new OfferingPlanRequest("Default", "Pay per use", BillingUnit.MONTH, "0")), true);
	}

	static PluginOptions pluginOptions(Integer initialNumber) {
		boolean numbers = initialNumber != null;
		return new PluginOptions("/home/", initialNumber, numbers ? initialNumber + 1000 : null, initialNumber,
				"waldur_", UsernamePolicy.SERVICE_PROVIDER, numbers ? AccountNamePolicy.PROJECT_SLUG : null, true,
				false, true);
	}

}
