package org.waldur.portal.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.waldur.WaldurRole;
import org.waldur.portal.waldur.WaldurUuid;
import org.waldur.portal.waldur.WaldurVocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Roles on a provider offering: {@code add_user/} and {@code list_users/}, after Waldur's
 * {@code UserRoleMixin} and {@code UserRoleCreateSerializer}.
 */
@Component
@ConditionalOnSandboxMode
class OfferingRolesApi {

	/** Waldur's system roles; only OFFERING.MANAGER belongs to offerings. */
	static final Map<String, String> ROLES = WaldurVocabulary.values(WaldurRole.class)
		.stream()
		.collect(Collectors.toMap(Function.identity(), OfferingRolesApi::roleUuid));

	private final SandboxOfferings offerings;

	private final SandboxUsers users;

	private final OfferingAccess access;

	private final Clock clock;

	OfferingRolesApi(SandboxOfferings offerings, SandboxUsers users, OfferingAccess access, Clock clock) {
		this.offerings = offerings;
		this.users = users;
		this.access = access;
		this.clock = clock;
	}

	ApiResponse addUser(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		SandboxUser caller = request.caller();
		if (!caller.staff() && !this.access.ownsCustomer(caller, offering.customerUuid())) {
			throw ApiException.forbidden();
		}
		FieldReader reader = new FieldReader(request.object());
		String role = role(reader);
		SandboxUser user = user(reader);
		Instant expiration = expirationTime(reader);
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		validate(offering, caller, Objects.requireNonNull(role), Objects.requireNonNull(user), expiration);
		this.offerings.addRole(new SandboxRole(Ids.uuid(), offering.uuid(), user.uuid(), role, expiration,
				this.clock.instant(), caller.uuid()));
		return ApiResponse.created(SandboxJson.expirationTime(expiration));
	}

	ApiResponse listUsers(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		String userUuid = Filters.uuid(request, "user");
		String role = request.param("role");
		String username = request.param("username");
		Instant now = this.clock.instant();
		List<ObjectNode> rows = this.offerings.roles(offering.uuid())
			.stream()
			.filter((grant) -> grant.activeAt(now))
			.filter((grant) -> userUuid == null || grant.userUuid().equals(userUuid))
			.filter((grant) -> role == null || grant.role().equals(role) || ROLES.get(grant.role()).equals(role))
			.map(this::render)
			.filter((row) -> username == null || row.get("user_username").stringValue().equals(username))
			.toList();
		return Pagination.page(request, rows, (row) -> row);
	}

	private ObjectNode render(SandboxRole grant) {
		SandboxUser user = this.users.find(grant.userUuid()).orElseThrow();
		SandboxUser grantor = (grant.createdByUuid() != null) ? this.users.find(grant.createdByUuid()).orElse(null)
				: null;
		return SandboxJson.userRole(grant, ROLES.getOrDefault(grant.role(), ""), user, grantor);
	}

	private void validate(SandboxOffering offering, SandboxUser caller, String role, SandboxUser user,
			@Nullable Instant expiration) {
		if (!offering.shared()) {
			throw nonField("Offering is not available.");
		}
		if (!OfferingAccess.OFFERING_MANAGER.equals(role)) {
			throw nonField("Role is not valid for this scope.");
		}
		if (hasRole(offering, user, role, expiration)) {
			throw nonField("User has already the same role in this scope.");
		}
		if (!caller.staff() && caller.uuid().equals(user.uuid())) {
			throw nonField("User can not manage own role.");
		}
	}

	private boolean hasRole(SandboxOffering offering, SandboxUser user, String role, @Nullable Instant expiration) {
		Instant now = this.clock.instant();
		return this.offerings.roles(offering.uuid())
			.stream()
			.filter((grant) -> grant.userUuid().equals(user.uuid()) && grant.role().equals(role) && grant.activeAt(now))
			.anyMatch((grant) -> (expiration == null) ? grant.expirationTime() == null
					: grant.expirationTime() == null || !grant.expirationTime().isBefore(expiration));
	}

	private static @Nullable String role(FieldReader reader) {
		String value = reader.text("role", true, 255, false, null);
		if (value == null) {
			return null;
		}
		String name = ROLES.containsKey(value) ? value
				: ROLES.entrySet()
					.stream()
					.filter((entry) -> WaldurUuid.same(entry.getValue(), value))
					.map(Map.Entry::getKey)
					.findFirst()
					.orElse(null);
		if (name == null) {
			reader.error("role", "Role is not found.");
		}
		return name;
	}

	private @Nullable SandboxUser user(FieldReader reader) {
		String value = reader.text("user", true, 64, false, null);
		if (value == null) {
			return null;
		}
		SandboxUser user = WaldurUuid.parse(value).map(WaldurUuid::hex).flatMap(this.users::find).orElse(null);
		if (user == null) {
			reader.error("user", "User is not found.");
		}
		return user;
	}

	private @Nullable Instant expirationTime(FieldReader reader) {
		JsonNode value = reader.raw("expiration_time");
		if (value == null || value.isNull()) {
			return null;
		}
		Instant instant = value.isString() ? parseTime(value.stringValue().strip()) : null;
		if (instant == null) {
			reader.error("expiration_time", "Datetime has wrong format. Use one of these formats instead: "
					+ "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
		}
		else if (!instant.isAfter(this.clock.instant())) {
			reader.error("expiration_time", "Expiration time should be greater than current time.");
		}
		return instant;
	}

	static @Nullable Instant parseTime(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the other accepted forms
		}
		try {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try a date
		}
		try {
			return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static ApiException nonField(String message) {
		return ApiException.badRequest(SandboxJson.errors("non_field_errors", message));
	}

	private static String roleUuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

}
