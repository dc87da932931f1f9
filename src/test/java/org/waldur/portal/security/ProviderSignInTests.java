package org.waldur.portal.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waldur.testprovider.TestProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in through a real OpenID Connect provider ({@link TestProvider}, Spring
 * Authorization Server over HTTP): discovery, PKCE, roles from the groups claim at every
 * sign-in, refusals (no mapped role, disabled account, invalid ID tokens), external
 * accounts, and sign-out at the portal and the provider. Every outcome is audited with
 * the provider's subject and issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderSignInTests {

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
	Accounts accounts;

	@Autowired
	AccountManagement management;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signOutComesBackHere() {
		provider.allowSignOutTo("http://127.0.0.1:" + this.port + "/login?logout");
	}

	@AfterEach
	void goodTokens() {
		provider.mint(TestProvider.Mischief.NONE);
	}

	@Test
	void anOperatorSignsInWithTheRoleItsGroupGivesUsingPkce() throws Exception {
		provider.groups("alice", "portal-operators", "unrelated-group");
		ProviderFlow alice = new ProviderFlow(this.port);
		assertThat(alice.signIn("alice", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(alice.authorizationRequest().toString()).startsWith(provider.issuer() + "/oauth2/authorize")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256")
			.contains("nonce=");
		HttpResponse<String> home = alice.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"current-user\">alice<");
		assertThat(alice.get("/audit").statusCode()).isEqualTo(403);

		Account account = this.accounts.findByUsername("alice").orElseThrow();
		assertThat(account.isExternal()).isTrue();
		assertThat(account.getPasswordHash()).isNull();
		assertThat(account.getRoles()).containsExactly(Role.OPERATOR);
		assertThat(account.getExternalIssuer()).isEqualTo(provider.issuer());
		String subject = account.getExternalSubject();
		assertThat(audit("alice"))
			.anySatisfy((entry) -> assertThat(entry).startsWith(
					"ACCOUNT_CREATED SUCCESS Account created at its first sign-in through the identity provider "
							+ "with roles OPERATOR; subject " + subject + " at issuer " + provider.issuer()))
			.anySatisfy(
					(entry) -> assertThat(entry).startsWith("SIGN_IN SUCCESS Signed in through the identity provider"));
		assertThat(audit("alice")).filteredOn((entry) -> entry.startsWith("SIGN_IN")).hasSize(1);
	}

	@Test
	void severalGroupsGiveSeveralRolesAndTheAccountsPageShowsTheAccount() throws Exception {
		provider.groups("bob", "portal-auditors", "portal-admins");
		ProviderFlow bob = new ProviderFlow(this.port);
		assertThat(bob.signIn("bob", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(this.accounts.findByUsername("bob").orElseThrow().getRoles()).containsExactlyInAnyOrder(Role.AUDITOR,
				Role.ADMIN);
		assertThat(bob.get("/audit").statusCode()).isEqualTo(200);
		HttpResponse<String> list = bob.get("/admin/accounts");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"account-bob\"").contains("identity provider");
		HttpResponse<String> detail = bob
			.get("/admin/accounts/" + this.accounts.findByUsername("bob").orElseThrow().getId());
		// Bob looks at his own account: no one is offered to disable themselves.
		assertThat(detail.body()).contains("id=\"external-account\"")
			.doesNotContain("id=\"toggle-enabled\"")
			.doesNotContain("id=\"password-form\"")
			.doesNotContain("id=\"roles-form\"");
	}

	@Test
	void someoneWhoseGroupsGiveNoRoleIsRefusedWithAClearPage() throws Exception {
		provider.groups("carol", "staff");
		ProviderFlow carol = new ProviderFlow(this.port);
		assertThat(carol.signIn("carol", TestProvider.PASSWORD)).isEqualTo("/login/refused?reason=no-role");
		HttpResponse<String> page = carol.get("/login/refused?reason=no-role");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You have no role in this portal").contains("Test IdP");
		assertThat(carol.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(this.accounts.findByUsername("carol")).isEmpty();
		assertThat(audit("carol")).singleElement()
			.satisfies((entry) -> assertThat(entry)
				.startsWith("SIGN_IN DENIED Sign-in through the identity provider "
						+ "refused: the provider's claims give no portal role; subject ")
				.endsWith(" at issuer " + provider.issuer()));
	}

	@Test
	void aChangedGroupChangesTheRoleAtTheNextSignInAndEndsTheOldSessions() throws Exception {
		provider.groups("dave", "portal-operators");
		ProviderFlow first = new ProviderFlow(this.port);
		assertThat(first.signIn("dave", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(first.get("/audit").statusCode()).isEqualTo(403);

		provider.groups("dave", "portal-auditors");
		ProviderFlow second = new ProviderFlow(this.port);
		assertThat(second.signIn("dave", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(this.accounts.findByUsername("dave").orElseThrow().getRoles()).containsExactly(Role.AUDITOR);
		assertThat(second.get("/audit").statusCode()).isEqualTo(200);
		assertThat(first.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(audit("dave")).anySatisfy((entry) -> assertThat(entry).startsWith(
				"ROLES_CHANGED SUCCESS Roles set to AUDITOR from the identity provider's claims (were OPERATOR)"));

		provider.groups("dave", "staff");
		assertThat(new ProviderFlow(this.port).signIn("dave", TestProvider.PASSWORD))
			.isEqualTo("/login/refused?reason=no-role");
		assertThat(second.get("/").statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@EnumSource(value = TestProvider.Mischief.class, names = { "WRONG_ISSUER", "WRONG_AUDIENCE", "EXPIRED" })
	void anInvalidIdTokenIsRefused(TestProvider.Mischief mischief) throws Exception {
		provider.groups("frank", "portal-admins");
		provider.mint(mischief);
		ProviderFlow frank = new ProviderFlow(this.port);
		assertThat(frank.signIn("frank", TestProvider.PASSWORD)).isEqualTo("/login/refused?reason=failed");
		assertThat(frank.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(frank.get("/login/refused?reason=failed").body()).contains("Sign-in did not work");
		assertThat(this.accounts.findByUsername("frank")).isEmpty();
		assertThat(audit("(unknown)")).anySatisfy((entry) -> assertThat(entry)
			.startsWith("SIGN_IN DENIED Sign-in through the identity provider refused: the provider's answer was not "
					+ "accepted: invalid_id_token")
			.endsWith("; issuer " + provider.issuer()));
	}

	@Test
	void signingOutEndsThePortalSessionAndTheProviderSession() throws Exception {
		provider.groups("grace", "portal-support");
		ProviderFlow grace = new ProviderFlow(this.port);
		assertThat(grace.signIn("grace", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(grace.providerForms()).isEqualTo(1);
		assertThat(grace.signOut()).isEqualTo("/login?logout");
		assertThat(grace.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		// The provider forgot her too: signing in again asks for her password again.
		assertThat(grace.signIn("grace", TestProvider.PASSWORD)).isEqualTo("/");
		assertThat(grace.providerForms()).isEqualTo(2);
		assertThat(audit("grace")).anySatisfy((entry) -> assertThat(entry)
			.startsWith(
					"SIGN_OUT SUCCESS Signed out of the portal; had signed in through the identity provider; subject ")
			.endsWith(" at issuer " + provider.issuer()));
	}

	@Test
	void anExternalAccountHasNoPasswordAndCanBeDisabledHereWhichEndsItsSessions() throws Exception {
		provider.groups("erin", "portal-operators");
		ProviderFlow erin = new ProviderFlow(this.port);
		assertThat(erin.signIn("erin", TestProvider.PASSWORD)).isEqualTo("/");
		Account account = this.accounts.findByUsername("erin").orElseThrow();

		ProviderFlow guesser = new ProviderFlow(this.port);
		guesser.get("/login");
		assertThat(
				guesser.postForm("/login", Map.of("username", "erin", "password", "")).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		assertThatThrownBy(() -> this.management.resetPassword(account.getId(), "erin-new-passphrase-1", "admin"))
			.isInstanceOf(AccountRejectedException.class)
			.hasMessageContaining("has no portal password");
		assertThatThrownBy(() -> this.management.assignRoles(account.getId(), Set.of(Role.ADMIN), "admin"))
			.isInstanceOf(AccountRejectedException.class)
			.hasMessageContaining("change the groups there");

		this.management.setEnabled(account.getId(), false, "admin");
		assertThat(erin.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(new ProviderFlow(this.port).signIn("erin", TestProvider.PASSWORD))
			.isEqualTo("/login/refused?reason=disabled");
		this.management.setEnabled(account.getId(), true, "admin");
		assertThat(new ProviderFlow(this.port).signIn("erin", TestProvider.PASSWORD)).isEqualTo("/");
	}

	@Test
	void theProviderCannotSignSomeoneInAsALocalAccount() throws Exception {
		provider.groups("admin", "portal-operators");
		ProviderFlow impostor = new ProviderFlow(this.port);
		assertThat(impostor.signIn("admin", TestProvider.PASSWORD)).isEqualTo("/");
		HttpResponse<String> home = impostor.get("/");
		assertThat(home.body()).containsPattern("id=\"current-user\">admin-[0-9a-f]{8}<");
		Account local = this.accounts.findByUsername("admin").orElseThrow();
		assertThat(local.isExternal()).isFalse();
		assertThat(local.getRoles()).containsExactly(Role.ADMIN);
		assertThat(impostor.get("/admin/accounts").statusCode()).isEqualTo(403);
	}

	@Test
	void theSignInPageOffersTheProviderAndLocalAccounts() throws Exception {
		HttpResponse<String> page = new ProviderFlow(this.port).get("/login");
		assertThat(page.body()).contains("Sign in with Test IdP")
			.contains("href=\"/oauth2/authorization/oidc\"")
			.contains("id=\"local-sign-in\"");
	}

	private List<String> audit(String target) {
		return this.jdbc.sql("select action, outcome, detail from audit_entry where target_id = ? order by id")
			.param(target)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

}
