package org.waldur.portal.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.config.InvalidConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role map and the claim it reads: lists, single values, nested claims (Keycloak's
 * {@code realm_access.roles}), values the map does not name.
 */
class ClaimRolesTests {

	static final Map<String, Set<Role>> MAP = SignInSettings.Oidc
		.parseRoleMap("/portal/admins=ADMIN, portal-ops=operator,portal-ops=SUPPORT,auditors=AUDITOR");

	@Test
	void theMapGivesEachValueItsRolesAndAValueMaySeveral() {
		assertThat(MAP).containsEntry("/portal/admins", Set.of(Role.ADMIN))
			.containsEntry("portal-ops", Set.of(Role.OPERATOR, Role.SUPPORT))
			.containsEntry("auditors", Set.of(Role.AUDITOR));
	}

	@Test
	void aListClaimGivesTheRolesOfTheValuesTheMapNames() {
		ClaimRoles roles = new ClaimRoles("groups", MAP);
		assertThat(roles.roles(Map.of("groups", List.of("staff", "portal-ops"))))
			.containsExactlyInAnyOrder(Role.OPERATOR, Role.SUPPORT);
		assertThat(roles.roles(Map.of("groups", List.of("staff")))).isEmpty();
		assertThat(roles.roles(Map.of("other", List.of("portal-ops")))).isEmpty();
		assertThat(roles.roles(Map.of("groups", "auditors"))).containsExactly(Role.AUDITOR);
	}

	@Test
	void aDottedClaimReadsNestedClaims() {
		ClaimRoles roles = new ClaimRoles("realm_access.roles", MAP);
		assertThat(roles.roles(Map.of("realm_access", Map.of("roles", List.of("/portal/admins", "offline_access")))))
			.containsExactly(Role.ADMIN);
		assertThat(roles.roles(Map.of("realm_access", "not-an-object"))).isEmpty();
	}

	@Test
	void anUnknownRoleOrAPairWithoutGroupIsRefused() {
		assertThatThrownBy(() -> SignInSettings.Oidc.parseRoleMap("staff=OWNER"))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("PORTAL_OIDC_ROLE_MAP has 'staff=OWNER'");
		assertThatThrownBy(() -> SignInSettings.Oidc.parseRoleMap("=ADMIN"))
			.isInstanceOf(InvalidConfigurationException.class);
	}

}
