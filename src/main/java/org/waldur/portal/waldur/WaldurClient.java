package org.waldur.portal.waldur;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import org.waldur.portal.waldur.WaldurTransport.WaldurResponse;

/**
 * The portal's gateway to Waldur's REST API. Each method makes one call (a GET may be
 * retried), blocks for the answer and returns the typed value with the
 * {@link WaldurExchange} to keep on record, or throws a {@link WaldurException}:
 * {@link WaldurRejectedException} (400), {@link WaldurAuthorizationException} (401/403),
 * {@link WaldurNotFoundException} (404), {@link WaldurUnavailableException} (5xx,
 * time-out, no connection), {@link WaldurOutcomeUnknownException} (a POST whose outcome
 * is unknown: look up before trying again) or {@link WaldurProtocolException}; a call
 * refused unsent because too many wait for Waldur already throws
 * {@link WaldurBusyException}.
 * <p>
 * UUIDs are Waldur's (32 hex digits, with or without dashes).
 */
public class WaldurClient {

	private static final String OFFERINGS = "marketplace-provider-offerings/";

	private static final String SERVICE_PROVIDERS = "marketplace-service-providers/";

	private final WaldurTransport transport;

	private final WaldurReader reader;

	private final WaldurPages pages;

	WaldurClient(WaldurTransport transport) {
		this.transport = transport;
		this.reader = new WaldurReader(transport.json(), transport.failures());
		this.pages = new WaldurPages();
	}

	/** Creates a {@code Marketplace.Slurm} offering in state {@code Draft}. */
	public WaldurResult<Offering> createOffering(WaldurCredential credential, OfferingRequest request) {
		return one(WaldurCall.post(WaldurOperation.CREATE_OFFERING, credential, OFFERINGS,
				WaldurBodies.OfferingCreate.of(request)), Offering.class);
	}

	/** Replaces the offering's {@code plugin_options}; Waldur answers with no body. */
	public WaldurExchange updateIntegration(WaldurCredential credential, String offeringUuid, PluginOptions options) {
		return this.transport
			.execute(WaldurCall.post(WaldurOperation.UPDATE_INTEGRATION, credential,
					offering(offeringUuid) + "update_integration/", new WaldurBodies.IntegrationUpdate(options)))
			.exchange();
	}

	/**
	 * Activates a draft or paused offering, always with the staff token (Waldur allows
	 * staff only). Waldur answers 400 when the offering is already active or has no plan.
	 */
	public WaldurResult<OfferingStateChange> activateOffering(String offeringUuid) {
		return one(WaldurCall.post(WaldurOperation.ACTIVATE_OFFERING, WaldurCredential.staff(),
				offering(offeringUuid) + "activate/", null), OfferingStateChange.class);
	}

	/** Creates an active, ordinary user with the staff token. */
	public WaldurResult<WaldurUser> createUser(NewUser user) {
		return one(WaldurCall.post(WaldurOperation.CREATE_USER, WaldurCredential.staff(), "users/",
				WaldurBodies.UserCreate.of(user)), WaldurUser.class);
	}

	/**
	 * Grants a user a role, such as {@link WaldurRole#OFFERING_MANAGER}, on an offering.
	 * Waldur answers 400 if the user already holds it.
	 */
	public WaldurResult<RoleGrant> addOfferingUser(WaldurCredential credential, String offeringUuid, String userUuid,
			WaldurRole role) {
		WaldurBodies.RoleCreate body = new WaldurBodies.RoleCreate(role.value(), WaldurUuid.of(userUuid).dashed());
		return one(WaldurCall.post(WaldurOperation.ADD_OFFERING_USER, credential, offering(offeringUuid) + "add_user/",
				body), RoleGrant.class);
	}

	/** Reads the user's current API token, with the staff token. */
	public WaldurResult<UserAuthToken> getToken(String userUuid) {
		return one(WaldurCall.get(WaldurOperation.GET_TOKEN, WaldurCredential.staff(), user(userUuid) + "token/"),
				UserAuthToken.class);
	}

	/**
	 * Replaces the user's API token with a new one, with the staff token; the old token
	 * stops working at once.
	 */
	public WaldurResult<UserAuthToken> refreshToken(String userUuid) {
		return one(WaldurCall.post(WaldurOperation.REFRESH_TOKEN, WaldurCredential.staff(),
				user(userUuid) + "refresh_token/", null), UserAuthToken.class);
	}

	/** The organisation's SLURM offerings with exactly this name. */
	public WaldurResult<List<Offering>> findOfferings(WaldurCredential credential, String name, String customerUuid) {
		WaldurCall call = WaldurCall.get(WaldurOperation.FIND_OFFERINGS, credential, OFFERINGS)
			.query("name_exact", name)
			.query("customer_uuid", WaldurUuid.require(customerUuid))
			.query("type", OfferingRequest.SLURM_TYPE);
		WaldurResponse response = this.transport.execute(call);
		List<Offering> offerings = this.reader.readList(call, response, Offering.class)
			.stream()
			.filter((offering) -> name.equals(offering.name()))
			.toList();
		return new WaldurResult<>(offerings, response.exchange());
	}

	/** Reads an offering. */
	public WaldurResult<Offering> getOffering(WaldurCredential credential, String offeringUuid) {
		return one(WaldurCall.get(WaldurOperation.GET_OFFERING, credential, offering(offeringUuid)), Offering.class);
	}

	/** The roles a user holds on an offering, filtered by role name. */
	public WaldurResult<List<OfferingUserRole>> listOfferingUsers(WaldurCredential credential, String offeringUuid,
			String userUuid, WaldurRole role) {
		WaldurCall call = WaldurCall
			.get(WaldurOperation.LIST_OFFERING_USERS, credential, offering(offeringUuid) + "list_users/")
			.query("user", WaldurUuid.require(userUuid))
			.query("role", role.value());
		WaldurResponse response = this.transport.execute(call);
		return new WaldurResult<>(this.reader.readList(call, response, OfferingUserRole.class), response.exchange());
	}

	/** The user with exactly this username, looked up with the staff token. */
	public WaldurResult<Optional<WaldurUser>> findUserByUsername(String username) {
		WaldurCall call = WaldurCall.get(WaldurOperation.FIND_USER, WaldurCredential.staff(), "users/")
			.query("username", username);
		WaldurResponse response = this.transport.execute(call);
		Optional<WaldurUser> user = this.reader.readList(call, response, WaldurUser.class)
			.stream()
			.filter((candidate) -> username.equals(candidate.username()))
			.findFirst();
		return new WaldurResult<>(user, response.exchange());
	}

	/** The user the credential belongs to. */
	public WaldurResult<WaldurUser> currentUser(WaldurCredential credential) {
		return one(WaldurCall.get(WaldurOperation.CURRENT_USER, credential, "users/me/"), WaldurUser.class);
	}

	/**
	 * Sets the user's token lifetime ({@code null}: never expires). Waldur lets only the
	 * user change it: send it with {@code credential} of that user, and read it back,
	 * since another caller gets 200 and nothing changes.
	 */
	public WaldurResult<WaldurUser> setTokenLifetime(WaldurCredential credential, String userUuid,
			@Nullable Integer seconds) {
		return one(tokenLifetimeCall(credential, userUuid, seconds), WaldurUser.class);
	}

	/** The call as {@link #setTokenLifetime} would send it. */
	public WaldurRequestPreview previewSetTokenLifetime(WaldurCredential credential, String userUuid,
			@Nullable Integer seconds) {
		return this.transport.preview(tokenLifetimeCall(credential, userUuid, seconds));
	}

	private static WaldurCall tokenLifetimeCall(WaldurCredential credential, String userUuid,
			@Nullable Integer seconds) {
		return WaldurCall.send(WaldurOperation.SET_TOKEN_LIFETIME, HttpMethod.PATCH, credential, user(userUuid),
				new WaldurBodies.TokenLifetimeUpdate(seconds, true));
	}

	/** The site agents registered for the offering, with their services. */
	public WaldurResult<List<AgentIdentity>> agentIdentities(WaldurCredential credential, String offeringUuid,
			@Nullable String name) {
		WaldurCall call = WaldurCall
			.get(WaldurOperation.LIST_AGENT_IDENTITIES, credential, "marketplace-site-agent-identities/")
			.query("offering_uuid", WaldurUuid.require(offeringUuid))
			.query("name", name);
		WaldurResponse response = this.transport.execute(call);
		return new WaldurResult<>(this.reader.readList(call, response, AgentIdentity.class), response.exchange());
	}

	/** The services of a registered site agent, with their processors. */
	public WaldurResult<List<AgentService>> agentServices(WaldurCredential credential, String identityUuid) {
		WaldurCall call = WaldurCall
			.get(WaldurOperation.LIST_AGENT_SERVICES, credential, "marketplace-site-agent-services/")
			.query("identity_uuid", WaldurUuid.require(identityUuid));
		WaldurResponse response = this.transport.execute(call);
		return new WaldurResult<>(this.reader.readList(call, response, AgentService.class), response.exchange());
	}

	/**
	 * Registers a site agent as the agent does on start: creates its identity, or
	 * replaces it when {@code existingUuid} is given.
	 */
	public WaldurResult<AgentIdentity> registerAgent(WaldurCredential credential, AgentRegistration registration,
			@Nullable String existingUuid) {
		WaldurBodies.AgentIdentityCreate body = WaldurBodies.AgentIdentityCreate.of(registration);
		WaldurCall call = (existingUuid != null)
				? WaldurCall.send(WaldurOperation.REGISTER_AGENT_IDENTITY, HttpMethod.PUT, credential,
						"marketplace-site-agent-identities/" + WaldurUuid.require(existingUuid) + "/", body)
				: WaldurCall.post(WaldurOperation.REGISTER_AGENT_IDENTITY, credential,
						"marketplace-site-agent-identities/", body);
		return one(call, AgentIdentity.class);
	}

	/** Registers (or finds) the service of one agent mode. */
	public WaldurResult<AgentService> registerAgentService(WaldurCredential credential, String identityUuid,
			String name, String mode) {
		return one(WaldurCall.post(WaldurOperation.REGISTER_AGENT_SERVICE, credential,
				"marketplace-site-agent-identities/" + WaldurUuid.require(identityUuid) + "/register_service/",
				new WaldurBodies.AgentServiceCreate(name, mode)), AgentService.class);
	}

	/**
	 * Registers (or updates) a processor of a service; Waldur sets its last run to now.
	 */
	public WaldurResult<AgentProcessor> registerAgentProcessor(WaldurCredential credential, String serviceUuid,
			String name, String backendType, String backendVersion) {
		return one(
				WaldurCall.post(WaldurOperation.REGISTER_AGENT_PROCESSOR, credential,
						"marketplace-site-agent-services/" + WaldurUuid.require(serviceUuid) + "/register_processor/",
						new WaldurBodies.AgentProcessorCreate(name, backendType, backendVersion)),
				AgentProcessor.class);
	}

	/**
	 * One page of the organisations the credential can see, read with the page-time
	 * time-out and retries.
	 * @param query a search text, or {@code null}
	 * @param page the 1-based page number
	 * @param pageSize between 1 and 300
	 */
	public WaldurResult<WaldurPage<Customer>> customers(WaldurCredential credential, @Nullable String query, int page,
			int pageSize) {
		return page(WaldurCall.get(WaldurOperation.LIST_CUSTOMERS, credential, "customers/")
			.query("query", query)
			.forPage(), Customer.class, page, pageSize);
	}

	/**
	 * One page of the marketplace categories, read with the page-time time-out and
	 * retries.
	 * @param title a text the title contains, or {@code null}
	 * @param page the 1-based page number
	 * @param pageSize between 1 and 300
	 */
	public WaldurResult<WaldurPage<MarketplaceCategory>> categories(WaldurCredential credential, @Nullable String title,
			int page, int pageSize) {
		return page(WaldurCall.get(WaldurOperation.LIST_CATEGORIES, credential, "marketplace-categories/")
			.query("title", title)
			.forPage(), MarketplaceCategory.class, page, pageSize);
	}

	/** Reads one organisation, with its blocked and archived flags. */
	public WaldurResult<Customer> customer(WaldurCredential credential, String customerUuid) {
		return one(WaldurCall.get(WaldurOperation.GET_CUSTOMER, credential,
				"customers/" + WaldurUuid.require(customerUuid) + "/"), Customer.class);
	}

	/** Reads one marketplace category; 404 when it does not exist. */
	public WaldurResult<MarketplaceCategory> category(WaldurCredential credential, String categoryUuid) {
		return one(WaldurCall.get(WaldurOperation.GET_CATEGORY, credential,
				"marketplace-categories/" + WaldurUuid.require(categoryUuid) + "/"), MarketplaceCategory.class);
	}

	/**
	 * The service providers of an organisation (none or one), or of every organisation
	 * when {@code customerUuid} is {@code null} (up to 300).
	 */
	public WaldurResult<List<ServiceProvider>> serviceProviders(WaldurCredential credential,
			@Nullable String customerUuid) {
		WaldurCall call = WaldurCall.get(WaldurOperation.FIND_SERVICE_PROVIDERS, credential, SERVICE_PROVIDERS)
			.query("customer_uuid", (customerUuid != null) ? WaldurUuid.require(customerUuid) : null)
			.query("page_size", WaldurPages.MAX_PAGE_SIZE);
		WaldurResponse response = this.transport.execute(call);
		List<ServiceProvider> providers = this.reader.readList(call, response, ServiceProvider.class)
			.stream()
			.filter((provider) -> customerUuid == null
					|| (provider.customerUuid() != null && WaldurUuid.same(provider.customerUuid(), customerUuid)))
			.toList();
		return new WaldurResult<>(providers, response.exchange());
	}

	/**
	 * Registers the organisation as a service provider, with the staff token (owners lack
	 * {@code SERVICE_PROVIDER.REGISTER} by default). Waldur answers 400 when it is one
	 * already.
	 */
	public WaldurResult<ServiceProvider> registerServiceProvider(String customerUrl) {
		return one(registerCall(customerUrl), ServiceProvider.class);
	}

	/** The call as {@link #registerServiceProvider} would send it. */
	public WaldurRequestPreview previewRegisterServiceProvider(String customerUrl) {
		return this.transport.preview(registerCall(customerUrl));
	}

	private static WaldurCall registerCall(String customerUrl) {
		return WaldurCall.post(WaldurOperation.REGISTER_SERVICE_PROVIDER, WaldurCredential.staff(), SERVICE_PROVIDERS,
				new WaldurBodies.ServiceProviderCreate(customerUrl));
	}

	/**
	 * Waldur's version ({@code GET version/}, staff or support only), without retries.
	 */
	public WaldurResult<JsonNode> version(Duration timeout) {
		return one(
				WaldurCall.get(WaldurOperation.GET_VERSION, WaldurCredential.staff(), "version/").patience(timeout, 0),
				JsonNode.class);
	}

	/**
	 * Waldur's overridable settings ({@code GET override-settings/}, admins only),
	 * without retries.
	 */
	public WaldurResult<JsonNode> overrideSettings(Duration timeout) {
		return one(WaldurCall.get(WaldurOperation.GET_SETTINGS, WaldurCredential.staff(), "override-settings/")
			.patience(timeout, 0), JsonNode.class);
	}

	/**
	 * Whether the offering, as read from Waldur, holds every integration option in
	 * {@code options} with the value the portal would send.
	 */
	public boolean holdsIntegration(Offering offering, PluginOptions options) {
		return notHeld(offering, options).isEmpty();
	}

	/**
	 * The integration options in {@code options} that the offering, as read from Waldur,
	 * does not hold with the value the portal would send (for example because this Waldur
	 * version no longer knows them and dropped them), in request order.
	 */
	public List<String> notHeld(Offering offering, PluginOptions options) {
		JsonNode sent = this.transport.json()
			.valueToTree(new WaldurBodies.IntegrationUpdate(options))
			.path("plugin_options");
		JsonNode held = this.transport.json().valueToTree(offering.pluginOptions());
		List<String> missing = new java.util.ArrayList<>();
		for (Map.Entry<String, JsonNode> option : sent.properties()) {
			if (!option.getValue().isNull() && !same(option.getValue(), held.path(option.getKey()))) {
				missing.add(option.getKey());
			}
		}
		return missing;
	}

	private static boolean same(JsonNode sent, JsonNode held) {
		if (sent.isNumber() && held.isNumber()) {
			return sent.decimalValue().compareTo(held.decimalValue()) == 0;
		}
		return sent.equals(held);
	}

	/** Reads the staff user once, within {@code timeout} and without retries. */
	WaldurResult<WaldurUser> probe(Duration timeout) {
		return one(WaldurCall.get(WaldurOperation.CURRENT_USER, WaldurCredential.staff(), "users/me/")
			.patience(timeout, 0), WaldurUser.class);
	}

	private <T> WaldurResult<WaldurPage<T>> page(WaldurCall call, Class<T> type, int page, int pageSize) {
		if (page < 1 || pageSize < 1 || pageSize > WaldurPages.MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page must be at least 1 and pageSize between 1 and 300");
		}
		WaldurCall paged = call.query("page", page).query("page_size", pageSize);
		WaldurResponse response = this.transport.execute(paged);
		List<T> items = this.reader.readList(paged, response, type);
		return new WaldurResult<>(this.pages.page(items, response.headers(), page, pageSize), response.exchange());
	}

	private <T> WaldurResult<T> one(WaldurCall call, Class<T> type) {
		WaldurResponse response = this.transport.execute(call);
		return new WaldurResult<>(this.reader.read(call, response, type), response.exchange());
	}

	private static String offering(String uuid) {
		return OFFERINGS + WaldurUuid.require(uuid) + "/";
	}

	private static String user(String uuid) {
		return "users/" + WaldurUuid.require(uuid) + "/";
	}

	/** The create-offering call as {@link #createOffering} would send it. */
	public WaldurRequestPreview previewCreateOffering(WaldurCredential credential, OfferingRequest request) {
		return this.transport.preview(WaldurCall.post(WaldurOperation.CREATE_OFFERING, credential, OFFERINGS,
				WaldurBodies.OfferingCreate.of(request)));
	}

	/** The call as {@link #updateIntegration} would send it. */
	public WaldurRequestPreview previewUpdateIntegration(WaldurCredential credential, String offeringUuid,
			PluginOptions options) {
		return this.transport.preview(WaldurCall.post(WaldurOperation.UPDATE_INTEGRATION, credential,
				offering(offeringUuid) + "update_integration/", new WaldurBodies.IntegrationUpdate(options)));
	}

	/** The call as {@link #activateOffering} would send it. */
	public WaldurRequestPreview previewActivateOffering(String offeringUuid) {
		return this.transport.preview(WaldurCall.post(WaldurOperation.ACTIVATE_OFFERING, WaldurCredential.staff(),
				offering(offeringUuid) + "activate/", null));
	}

	/** The call as {@link #createUser} would send it. */
	public WaldurRequestPreview previewCreateUser(NewUser user) {
		return this.transport.preview(WaldurCall.post(WaldurOperation.CREATE_USER, WaldurCredential.staff(), "users/",
				WaldurBodies.UserCreate.of(user)));
	}

	/** The call as {@link #addOfferingUser} would send it. */
	public WaldurRequestPreview previewAddOfferingUser(WaldurCredential credential, String offeringUuid,
			String userUuid, WaldurRole role) {
		return this.transport.preview(
				WaldurCall.post(WaldurOperation.ADD_OFFERING_USER, credential, offering(offeringUuid) + "add_user/",
						new WaldurBodies.RoleCreate(role.value(), WaldurUuid.of(userUuid).dashed())));
	}

	/** The call as {@link #getToken} would send it. */
	public WaldurRequestPreview previewGetToken(String userUuid) {
		return this.transport
			.preview(WaldurCall.get(WaldurOperation.GET_TOKEN, WaldurCredential.staff(), user(userUuid) + "token/"));
	}

	/** The call as {@link #refreshToken} would send it. */
	public WaldurRequestPreview previewRefreshToken(String userUuid) {
		return this.transport.preview(WaldurCall.post(WaldurOperation.REFRESH_TOKEN, WaldurCredential.staff(),
				user(userUuid) + "refresh_token/", null));
	}

}
