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
 * The portal's gateway to Waldur's REST API. The change calls of an onboarding are
 * defined once in {@link WaldurCalls}; {@link #preview(WaldurRequest)} shows one and
 * {@link #send(WaldurRequest, WaldurCredential)} sends it. Each method makes one call (a
 * GET may be retried), blocks for the answer and returns the typed value with the
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

	private final WaldurTransport transport;

	private final WaldurReader reader;

	private final WaldurPages pages;

	WaldurClient(WaldurTransport transport) {
		this.transport = transport;
		this.reader = new WaldurReader(transport.json(), transport.failures());
		this.pages = new WaldurPages();
	}

	/**
	 * Sends a change call (see {@link WaldurCalls}) with {@code credential}.
	 * @throws IllegalArgumentException when the credential is not of the kind the call
	 * goes with
	 */
	public <T> WaldurResult<T> send(WaldurRequest<T> request, WaldurCredential credential) {
		WaldurCall call = request.with(credential);
		if (request.type() == NoContent.class) {
			WaldurResponse response = this.transport.execute(call);
			return new WaldurResult<>(request.type().cast(NoContent.INSTANCE), response.exchange());
		}
		return one(call, request.type());
	}

	/**
	 * Sends a change call that goes with the staff token.
	 * @throws IllegalArgumentException when the call goes with another token
	 */
	public <T> WaldurResult<T> send(WaldurRequest<T> request) {
		return send(request, WaldurCredential.staff());
	}

	/**
	 * The call exactly as {@link #send} would send it, secrets masked, for a user to
	 * check before confirming; nothing is sent.
	 */
	public WaldurRequestPreview preview(WaldurRequest<?> request) {
		return this.transport.preview(request);
	}

	/** The organisation's SLURM offerings with exactly this name. */
	public WaldurResult<List<Offering>> findOfferings(WaldurCredential credential, String name, String customerUuid) {
		WaldurCall call = WaldurCall.get(WaldurOperation.FIND_OFFERINGS, credential, WaldurCalls.OFFERINGS)
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
		return one(WaldurCall.get(WaldurOperation.GET_OFFERING, credential, WaldurCalls.offering(offeringUuid)),
				Offering.class);
	}

	/** The roles a user holds on an offering, filtered by role name. */
	public WaldurResult<List<OfferingUserRole>> listOfferingUsers(WaldurCredential credential, String offeringUuid,
			String userUuid, WaldurRole role) {
		WaldurCall call = WaldurCall
			.get(WaldurOperation.LIST_OFFERING_USERS, credential, WaldurCalls.offering(offeringUuid) + "list_users/")
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
		WaldurCall call = WaldurCall
			.get(WaldurOperation.FIND_SERVICE_PROVIDERS, credential, WaldurCalls.SERVICE_PROVIDERS)
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

}
