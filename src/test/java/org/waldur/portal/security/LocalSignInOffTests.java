package org.waldur.portal.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.testprovider.TestProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code PORTAL_LOCAL_SIGN_IN=false} only the provider signs people in: the sign-in
 * page has no password form, and the bootstrap admin's right password signs nobody in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.sign-in.local=false")
class LocalSignInOffTests {

	static final TestProvider provider = TestProvider.shared();

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("portal.sign-in.oidc.issuer-uri", provider::issuer);
		registry.add("portal.sign-in.oidc.client-id", () -> TestProvider.CLIENT_ID);
		registry.add("portal.sign-in.oidc.client-secret", () -> TestProvider.CLIENT_SECRET);
		registry.add("portal.sign-in.oidc.provider-name", () -> "Test IdP");
		registry.add("portal.sign-in.oidc.role-map", () -> TestProvider.ROLE_MAP);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePasswordOfTheBootstrapAdminSignsNobodyIn() throws Exception {
		ProviderFlow someone = new ProviderFlow(this.port);
		HttpResponse<String> page = someone.get("/login");
		assertThat(page.body()).contains("Sign in with Test IdP")
			.doesNotContain("id=\"local-sign-in\"")
			.doesNotContain("name=\"password\"")
			.doesNotContain("id=\"demo-accounts\"");
		HttpResponse<String> attempt = someone.postForm("/login",
				Map.of("username", "admin", "password", "test-admin-password"));
		assertThat(attempt.statusCode()).isNotEqualTo(302);
		assertThat(someone.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'SIGN_IN' and outcome = 'SUCCESS'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theProviderStillSignsPeopleIn() throws Exception {
		provider.groups("alice", "portal-operators");
		ProviderFlow alice = new ProviderFlow(this.port);
		assertThat(alice.signIn("alice", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(alice.get("/").body()).contains("id=\"current-user\">alice<");
	}

}
