package org.waldur.portal.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.waldur.WaldurUuid;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@code users/}: create (staff only), list, retrieve, {@code me/}, and the staff-only
 * {@code token/} and {@code refresh_token/} actions.
 */
@Component
@ConditionalOnSandboxMode
class UsersApi {

	/** Waldur's {@code WALDUR_CORE["TOKEN_LIFETIME"]} default, given to new users. */
	static final int DEFAULT_TOKEN_LIFETIME = 3600;

	private static final Pattern USERNAME = Pattern.compile("^[0-9a-z_.@+-]+$");

	private static final Pattern EMAIL = Pattern
		.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
				+ "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

	private final SandboxUsers users;

	private final SandboxOfferings offerings;

	private final OfferingAccess access;

	private final Clock clock;

	UsersApi(SandboxUsers users, SandboxOfferings offerings, OfferingAccess access, Clock clock) {
		this.users = users;
		this.offerings = offerings;
		this.access = access;
		this.clock = clock;
	}

	ApiResponse create(ApiRequest request) {
		requireStaff(request);
		FieldReader reader = new FieldReader(request.object());
		String username = reader.text("username", true, 128, false, null);
		if (username != null && !USERNAME.matcher(username).matches()) {
			reader.error("username", "Enter a valid username.");
		}
		else if (username != null && this.users.findByUsername(username).isPresent()) {
			reader.error("username", "A user with that username already exists.");
		}
		String email = reader.text("email", true, 254, false, null);
		if (email != null && !EMAIL.matcher(email).matches()) {
			reader.error("email", "Enter a valid email address.");
		}
		Boolean staff = reader.bool("is_staff", false);
		Boolean active = reader.bool("is_active", true);
		String firstName = reader.text("first_name", false, 100, true, "");
		String lastName = reader.text("last_name", false, 100, true, "");
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		Instant now = this.clock.instant();
		SandboxUser user = new SandboxUser(Ids.uuid(), username, email, firstName, lastName, Boolean.TRUE.equals(staff),
				Boolean.TRUE.equals(active), DEFAULT_TOKEN_LIFETIME, now);
		this.users.create(user, Ids.tokenKey(), now);
		return ApiResponse.created(render(request, user));
	}

	ApiResponse list(ApiRequest request) {
		String username = request.param("username");
		String email = request.param("email");
		String query = request.param("query");
		Boolean active = Filters.bool(request, "is_active");
		List<SandboxUser> matching = visible(request.caller()).stream()
			.filter((user) -> username == null || user.username().equals(username))
			.filter((user) -> OfferingsApi.contains(user.email(), email))
			.filter((user) -> query == null || OfferingsApi.contains(user.username(), query)
					|| OfferingsApi.contains(user.email(), query) || OfferingsApi.contains(user.fullName(), query))
			.filter((user) -> active == null || user.active() == active)
			.toList();
		return Pagination.page(request, matching, (user) -> render(request, user));
	}

	ApiResponse retrieve(ApiRequest request) {
		return ApiResponse.ok(render(request, visibleUser(request)));
	}

	/**
	 * {@code PATCH users/{uuid}/}: staff may edit anyone, others only themselves.
	 * {@code token_lifetime} is a field of the user's own serializer only: sent by anyone
	 * else it is dropped, and the answer is 200 all the same. A user who never agreed
	 * with the policy must agree when editing themselves.
	 */
	ApiResponse update(ApiRequest request) {
		SandboxUser user = visibleUser(request);
		SandboxUser caller = request.caller();
		boolean self = user.uuid().equals(caller.uuid());
		if (!self && !caller.staff()) {
			throw ApiException.forbidden();
		}
		FieldReader reader = new FieldReader(request.object());
		Boolean agreed = reader.bool("agree_with_policy", false);
		Integer lifetime = null;
		boolean lifetimeGiven = self && reader.raw("token_lifetime") != null;
		if (lifetimeGiven) {
			lifetime = reader.integer("token_lifetime", true, 60, Integer.MAX_VALUE, null, false);
		}
		if (self && !caller.staff() && !Boolean.TRUE.equals(agreed)) {
			reader.error("agree_with_policy", "User must agree with the policy.");
		}
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		if (lifetimeGiven) {
			this.users.updateTokenLifetime(user.uuid(), lifetime);
		}
		SandboxUser updated = this.users.find(user.uuid()).orElseThrow();
		return ApiResponse.ok(render(request, updated));
	}

	ApiResponse me(ApiRequest request) {
		return ApiResponse.ok(render(request, request.caller()));
	}

	ApiResponse token(ApiRequest request) {
		requireStaff(request);
		SandboxUser user = visibleUser(request);
		SandboxToken token = this.users.tokenOf(user.uuid()).orElseThrow(UsersApi::noToken);
		return ApiResponse.ok(SandboxJson.userAuthToken(user, token));
	}

	ApiResponse refreshToken(ApiRequest request) {
		requireStaff(request);
		SandboxUser user = visibleUser(request);
		this.users.tokenOf(user.uuid()).orElseThrow(UsersApi::noToken);
		SandboxToken token = this.users.replaceToken(user.uuid(), Ids.tokenKey(), this.clock.instant());
		return ApiResponse.created(SandboxJson.userAuthToken(user, token));
	}

	private SandboxUser visibleUser(ApiRequest request) {
		String uuid = request.variable("uuid");
		return visible(request.caller()).stream()
			.filter((user) -> WaldurUuid.parse(uuid).map(WaldurUuid::hex).filter(user.uuid()::equals).isPresent())
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("User"));
	}

	/**
	 * Staff see everyone; others themselves and the users holding roles on offerings they
	 * can see.
	 */
	private List<SandboxUser> visible(SandboxUser caller) {
		if (caller.staff()) {
			return this.users.all();
		}
		Set<String> related = this.access.visible(caller)
			.stream()
			.flatMap((offering) -> this.offerings.roles(offering.uuid()).stream())
			.map(SandboxRole::userUuid)
			.collect(Collectors.toSet());
		related.add(caller.uuid());
		return this.users.all().stream().filter((user) -> related.contains(user.uuid())).toList();
	}

	private ObjectNode render(ApiRequest request, SandboxUser user) {
		SandboxToken own = user.uuid().equals(request.caller().uuid()) ? this.users.tokenOf(user.uuid()).orElse(null)
				: null;
		return SandboxJson.user(request.apiRoot(), user, own);
	}

	private static void requireStaff(ApiRequest request) {
		if (!request.caller().staff()) {
			throw ApiException.forbidden();
		}
	}

	private static ApiException noToken() {
		return ApiException.detail(500, "A server error occurred.");
	}

}
