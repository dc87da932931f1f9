package org.waldur.portal.waldur;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies the client sends, in Waldur's field names (snake_case by the mapper).
 */
final class WaldurBodies {

	private WaldurBodies() {
	}

	/**
	 * {@code OfferingCreateRequest}; {@code backend_id} is left out when not given, so
	 * Waldur keeps its default.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OfferingCreate(String name, String description, String customer, String category, String type,
			List<OfferingComponentRequest> components, List<OfferingPlanRequest> plans, boolean shared,
			@Nullable String backendId) {

		static OfferingCreate of(OfferingRequest request) {
			return new OfferingCreate(request.name(), request.description(), request.customer().toString(),
					request.category().toString(), OfferingRequest.SLURM_TYPE, request.components(), request.plans(),
					request.shared(), request.backendId());
		}

	}

	/** {@code OfferingIntegrationUpdateRequest}. */
	record IntegrationUpdate(PluginOptions pluginOptions) {

	}

	/** {@code UserRequest}: an active, ordinary user. */
	record UserCreate(String username, String email, String firstName, String lastName, boolean isStaff,
			boolean isActive, boolean isSupport, boolean agreeWithPolicy) {

		static UserCreate of(NewUser user) {
			return new UserCreate(user.username(), user.email(), user.firstName(), user.lastName(), false, true, false,
					true);
		}

	}

	/**
	 * {@code PatchedUserRequest} changing the token's lifetime only; the user must agree
	 * with the policy when it never did (Waldur's service accounts have not).
	 */
	record TokenLifetimeUpdate(@Nullable Integer tokenLifetime, boolean agreeWithPolicy) {

	}

	/** {@code AgentIdentityRequest}. */
	record AgentIdentityCreate(String offering, String name, String version, Map<String, String> dependencies,
			String lastRestarted) {

		static AgentIdentityCreate of(AgentRegistration registration) {
			return new AgentIdentityCreate(WaldurUuid.of(registration.offering()).dashed(), registration.name(),
					registration.version(), registration.dependencies(), registration.lastRestarted().toString());
		}

	}

	/** {@code AgentServiceCreateRequest}. */
	record AgentServiceCreate(String name, String mode) {

	}

	/** {@code AgentProcessorCreateRequest}. */
	record AgentProcessorCreate(String name, String backendType, String backendVersion) {

	}

	/** {@code ServiceProviderRequest}: only the organisation; Waldur fills the rest. */
	record ServiceProviderCreate(String customer) {

	}

	/** {@code UserRoleCreateRequest}. */
	record RoleCreate(String role, String user) {

	}

}
