package org.waldur.portal.sandbox;

import java.util.List;
import java.util.Set;

import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.stereotype.Component;

/**
 * The paths of the sandbox API, with Waldur's trailing slashes. More specific paths come
 * first ({@code users/me/} before {@code users/{uuid}/}).
 */
@Component
@ConditionalOnSandboxMode
class SandboxRoutes {

	/** Collections whose detail URLs are hyperlinks in request bodies. */
	static final Set<String> COLLECTIONS = Set.of("marketplace-provider-offerings", "users", "customers",
			"marketplace-categories", "marketplace-plans", "marketplace-service-providers");

	private static final String OFFERINGS = "marketplace-provider-offerings/";

	private static final String AGENTS = "marketplace-site-agent-identities/";

	private final List<ApiRoute> routes;

	SandboxRoutes(OfferingsApi offerings, OfferingActionsApi actions, OfferingRolesApi roles, UsersApi users,
			DirectoryApi directory, AgentIdentitiesApi agents, ServiceProvidersApi providers, ServerApi server) {
		this.routes = List.of(ApiRoute.path(OFFERINGS).get(offerings::list).post(offerings::create),
				ApiRoute.path(OFFERINGS + "{uuid}/").get(offerings::retrieve),
				ApiRoute.path(OFFERINGS + "{uuid}/update_integration/").post(actions::updateIntegration),
				ApiRoute.path(OFFERINGS + "{uuid}/activate/").post(actions::activate),
				ApiRoute.path(OFFERINGS + "{uuid}/pause/").post(actions::pause),
				ApiRoute.path(OFFERINGS + "{uuid}/archive/").post(actions::archive),
				ApiRoute.path(OFFERINGS + "{uuid}/add_user/").post(roles::addUser),
				ApiRoute.path(OFFERINGS + "{uuid}/list_users/").get(roles::listUsers),
				ApiRoute.path("users/").get(users::list).post(users::create), ApiRoute.path("users/me/").get(users::me),
				ApiRoute.path("users/{uuid}/").get(users::retrieve).patch(users::update),
				ApiRoute.path("users/{uuid}/token/").get(users::token),
				ApiRoute.path("users/{uuid}/refresh_token/").post(users::refreshToken),
				ApiRoute.path("customers/").get(directory::customers),
				ApiRoute.path("customers/{uuid}/").get(directory::customer),
				ApiRoute.path("marketplace-categories/").get(directory::categories),
				ApiRoute.path("marketplace-categories/{uuid}/").get(directory::category),
				ApiRoute.path(AGENTS).get(agents::list).post(agents::create),
				ApiRoute.path(AGENTS + "{uuid}/").get(agents::retrieve).put(agents::update),
				ApiRoute.path(AGENTS + "{uuid}/register_service/").post(agents::registerService),
				ApiRoute.path("marketplace-site-agent-services/").get(agents::services),
				ApiRoute.path("marketplace-site-agent-services/{uuid}/register_processor/")
					.post(agents::registerProcessor),
				ApiRoute.path("marketplace-service-providers/").get(providers::list).post(providers::create),
				ApiRoute.path("marketplace-service-providers/{uuid}/").get(providers::retrieve),
				ApiRoute.path("version/").get(server::version),
				ApiRoute.path("override-settings/").get(server::overrideSettings));
	}

	List<ApiRoute> all() {
		return this.routes;
	}

}
