package org.waldur.portal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.crypto.SecretBox;
import org.waldur.portal.crypto.SecretUnreadableException;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the portal session ended: someone who signed in through a provider that
 * advertises an {@code end_session_endpoint} is sent there (OpenID Connect RP-initiated
 * logout, with the ID token as hint), and the provider sends them back to the sign-in
 * page; everyone else goes to the sign-in page at once.
 */
final class ProviderSignOut implements LogoutSuccessHandler {

	static final String SIGNED_OUT = "/login?logout";

	private static final Logger log = LoggerFactory.getLogger(ProviderSignOut.class);

	private final ClientRegistrationRepository registrations;

	private final SecretBox secrets;

	ProviderSignOut(ClientRegistrationRepository registrations, SecretBox secrets) {
		this.registrations = registrations;
		this.secrets = secrets;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		String target = providerLogout(request, authentication);
		response.sendRedirect((target != null) ? target : request.getContextPath() + SIGNED_OUT);
	}

	private @Nullable String providerLogout(HttpServletRequest request, @Nullable Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)
				|| !(token.getPrincipal() instanceof ProviderUser user) || user.sealedIdToken() == null) {
			return null;
		}
		ClientRegistration registration = this.registrations
			.findByRegistrationId(token.getAuthorizedClientRegistrationId());
		Object endpoint = (registration != null)
				? registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint") : null;
		if (endpoint == null) {
			return null;
		}
		String hint;
		try {
			hint = this.secrets.decrypt(user.sealedIdToken(), ProviderSignIn.ID_TOKEN_PURPOSE);
		}
		catch (SecretUnreadableException ex) {
			log.warn("The provider's session of '{}' is left open: the sealed ID token is unreadable", user.getName());
			return null;
		}
		String back = ServletUriComponentsBuilder.fromContextPath(request).path("/login").query("logout").toUriString();
		return UriComponentsBuilder.fromUriString(endpoint.toString())
			.queryParam("id_token_hint", "{hint}")
			.queryParam("post_logout_redirect_uri", "{back}")
			.encode()
			.buildAndExpand(hint, back)
			.toUriString();
	}

}
