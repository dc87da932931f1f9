package org.waldur.portal.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same sign-in against Keycloak in a container, registered as the README describes
 * (realm {@code src/test/resources/keycloak/portal-realm.json}: a confidential client
 * with PKCE, the group membership mapper as the {@code groups} claim), where a Docker
 * engine exists; skipped cleanly where it does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
class KeycloakSignInTests {

	static final String PASSWORD = "keycloak-test-password";

	@Container
	static final GenericContainer<?> keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.4")
		.withExposedPorts(8080)
		.withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
		.withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "keycloak-admin-password")
		.withCopyFileToContainer(MountableFile.forClasspathResource("keycloak/portal-realm.json"),
				"/opt/keycloak/data/import/portal-realm.json")
		.withCommand("start-dev", "--import-realm")
		.waitingFor(Wait.forHttp("/realms/portal/.well-known/openid-configuration")
			.forStatusCode(200)
			.withStartupTimeout(Duration.ofMinutes(3)));

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("portal.sign-in.oidc.issuer-uri",
				() -> "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080) + "/realms/portal");
		registry.add("portal.sign-in.oidc.client-id", () -> "portal");
		registry.add("portal.sign-in.oidc.client-secret", () -> "keycloak-test-client-secret");
		registry.add("portal.sign-in.oidc.provider-name", () -> "Keycloak");
		registry.add("portal.sign-in.oidc.role-map", () -> "portal-operators=OPERATOR,portal-admins=ADMIN");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void anOperatorSignsInWithTheRoleOfTheKeycloakGroupAndSignsOutAtKeycloak() throws Exception {
		ProviderFlow operator = new ProviderFlow(this.port);
		assertThat(operator.signIn("kc-operator", PASSWORD)).isEqualTo("/");
		assertThat(operator.authorizationRequest().toString()).contains("code_challenge_method=S256");
		assertThat(operator.get("/").body()).contains("id=\"current-user\">kc-operator<");
		Account account = this.accounts.findByUsername("kc-operator").orElseThrow();
		assertThat(account.isExternal()).isTrue();
		assertThat(account.getRoles()).containsExactly(Role.OPERATOR);

		assertThat(operator.signOut()).isEqualTo("/login?logout");
		assertThat(operator.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void someoneWithoutAPortalGroupIsRefused() throws Exception {
		assertThat(new ProviderFlow(this.port).signIn("kc-staff", PASSWORD)).isEqualTo("/login/refused?reason=no-role");
		assertThat(this.accounts.findByUsername("kc-staff")).isEmpty();
	}

}
