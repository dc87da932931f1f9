package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import static org.waldur.portal.waldur.WaldurCredential.Kind.STAFF;

/**
 * The change calls of an onboarding, each defined once: previewing and sending both start
 * from the {@link WaldurRequest} made here. A call Waldur allows to staff only goes with
 * the staff token; the others with the kind of token the caller names.
 * <p>
 * UUIDs are Waldur's (32 hex digits, with or without dashes).
 */
public final class WaldurCalls {

	static final String OFFERINGS = "marketplace-provider-offerings/";

	static final String SERVICE_PROVIDERS = "marketplace-service-providers/";

	private WaldurCalls() {
	}

	/** Creates a {@code Marketplace.Slurm} offering in state {@code Draft}. */
	public static WaldurRequest<Offering> createOffering(WaldurCredential.Kind kind, OfferingRequest request) {
		return new WaldurRequest<>(WaldurOperation.CREATE_OFFERING, HttpMethod.POST, OFFERINGS,
				WaldurBodies.OfferingCreate.of(request), kind, Offering.class);
	}

	/** Replaces the offering's {@code plugin_options}; Waldur answers with no body. */
	public static WaldurRequest<NoContent> updateIntegration(WaldurCredential.Kind kind, String offeringUuid,
			PluginOptions options) {
		return new WaldurRequest<>(WaldurOperation.UPDATE_INTEGRATION, HttpMethod.POST,
				offering(offeringUuid) + "update_integration/", new WaldurBodies.IntegrationUpdate(options), kind,
				NoContent.class);
	}

	/**
	 * Activates a draft or paused offering, with the staff token (Waldur allows staff
	 * only). Waldur answers 400 when the offering is already active or has no plan.
	 */
	public static WaldurRequest<OfferingStateChange> activateOffering(String offeringUuid) {
		return new WaldurRequest<>(WaldurOperation.ACTIVATE_OFFERING, HttpMethod.POST,
				offering(offeringUuid) + "activate/", null, STAFF, OfferingStateChange.class);
	}

	/** Creates an active, ordinary user, with the staff token. */
	public static WaldurRequest<WaldurUser> createUser(NewUser user) {
		return new WaldurRequest<>(WaldurOperation.CREATE_USER, HttpMethod.POST, "users/",
				WaldurBodies.UserCreate.of(user), STAFF, WaldurUser.class);
	}

	/**
	 * Grants a user a role, such as {@link WaldurRole#OFFERING_MANAGER}, on an offering.
	 * Waldur answers 400 if the user already holds it.
	 */
	public static WaldurRequest<RoleGrant> addOfferingUser(WaldurCredential.Kind kind, String offeringUuid,
			String userUuid, WaldurRole role) {
		return new WaldurRequest<>(WaldurOperation.ADD_OFFERING_USER, HttpMethod.POST,
				offering(offeringUuid) + "add_user/",
				new WaldurBodies.RoleCreate(role.value(), WaldurUuid.of(userUuid).dashed()), kind, RoleGrant.class);
	}

	/** Reads the user's current API token, with the staff token. */
	public static WaldurRequest<UserAuthToken> getToken(String userUuid) {
		return new WaldurRequest<>(WaldurOperation.GET_TOKEN, HttpMethod.GET, user(userUuid) + "token/", null, STAFF,
				UserAuthToken.class);
	}

	/**
	 * Replaces the user's API token with a new one, with the staff token; the old token
	 * stops working at once.
	 */
	public static WaldurRequest<UserAuthToken> refreshToken(String userUuid) {
		return new WaldurRequest<>(WaldurOperation.REFRESH_TOKEN, HttpMethod.POST, user(userUuid) + "refresh_token/",
				null, STAFF, UserAuthToken.class);
	}

	/**
	 * Sets the user's token lifetime ({@code null}: never expires). Waldur lets only the
	 * user change it: send it with that user's token and read it back, since another
	 * caller gets 200 and nothing changes.
	 */
	public static WaldurRequest<WaldurUser> setTokenLifetime(WaldurCredential.Kind kind, String userUuid,
			@Nullable Integer seconds) {
		return new WaldurRequest<>(WaldurOperation.SET_TOKEN_LIFETIME, HttpMethod.PATCH, user(userUuid),
				new WaldurBodies.TokenLifetimeUpdate(seconds, true), kind, WaldurUser.class);
	}

	/**
	 * Registers the organisation as a service provider, with the staff token (owners lack
	 * {@code SERVICE_PROVIDER.REGISTER} by default). Waldur answers 400 when it is one
	 * already.
	 */
	public static WaldurRequest<ServiceProvider> registerServiceProvider(String customerUrl) {
		return new WaldurRequest<>(WaldurOperation.REGISTER_SERVICE_PROVIDER, HttpMethod.POST, SERVICE_PROVIDERS,
				new WaldurBodies.ServiceProviderCreate(customerUrl), STAFF, ServiceProvider.class);
	}

	static String offering(String uuid) {
		return OFFERINGS + WaldurUuid.require(uuid) + "/";
	}

	static String user(String uuid) {
		return "users/" + WaldurUuid.require(uuid) + "/";
	}

}
