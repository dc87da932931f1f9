package org.waldur.portal.security;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.crypto.SecretBox;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-out: to the provider's end-session endpoint with the ID token as hint when the
 * provider advertises one, straight to the sign-in page when it does not or when the
 * sealed token cannot be read.
 */
class ProviderSignOutTests {

	static final SecretBox secrets = new SecretBox(
			Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));

	@Test
	void aProviderWithoutEndSessionEndpointLeavesOnlyThePortalSession() throws Exception {
		assertThat(signOut(Map.of(), secrets.encrypt("id.token.value", ProviderSignIn.ID_TOKEN_PURPOSE)))
			.isEqualTo("/login?logout");
	}

	@Test
	void aProviderWithEndSessionEndpointGetsTheHintAndTheWayBack() throws Exception {
		assertThat(signOut(Map.of("end_session_endpoint", "https://idp.example.org/logout"),
				secrets.encrypt("id.token.value", ProviderSignIn.ID_TOKEN_PURPOSE)))
			.isEqualTo("https://idp.example.org/logout?id_token_hint=id.token.value"
					+ "&post_logout_redirect_uri=http%3A%2F%2Fportal.example.org%2Flogin%3Flogout");
	}

	@Test
	void anUnreadableTokenLeavesOnlyThePortalSession() throws Exception {
		assertThat(signOut(Map.of("end_session_endpoint", "https://idp.example.org/logout"),
				secrets.encrypt("id.token.value", "another purpose")))
			.isEqualTo("/login?logout");
	}

	private static String signOut(Map<String, Object> metadata, String sealed) throws Exception {
		ClientRegistration registration = ClientRegistration.withRegistrationId("oidc")
			.clientId("portal")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://idp.example.org/authorize")
			.tokenUri("https://idp.example.org/token")
			.scope("openid")
			.providerConfigurationMetadata(metadata)
			.build();
		ProviderUser user = new ProviderUser("alice", Set.of(Role.OPERATOR), "https://idp.example.org", "s-1", sealed);
		OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user,
				List.copyOf(user.getAuthorities()), "oidc");
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
		request.setServerName("portal.example.org");
		request.setServerPort(80);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ProviderSignOut(new InMemoryClientRegistrationRepository(registration), secrets).onLogoutSuccess(request,
				response, authentication);
		return response.getRedirectedUrl();
	}

}
