package org.waldur.portal.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.crypto.SecretBox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in through the OpenID Connect provider: Spring Security's provider exchanges the
 * code (with the PKCE verifier) and checks the ID token (signature, issuer, audience,
 * expiry, nonce); then the claims give the roles and {@link ExternalAccounts} admits or
 * refuses the person. What stays in the session is a {@link ProviderUser}. A refusal, by
 * Spring Security or by the portal, is published for the audit log.
 */
final class ProviderSignIn implements AuthenticationProvider {

	/** Purpose of the sealed ID token, so that it decrypts nowhere else. */
	static final String ID_TOKEN_PURPOSE = "oidc-id-token";

	private final OidcAuthorizationCodeAuthenticationProvider oidc;

	private final ExternalAccounts accounts;

	private final ClaimRoles claimRoles;

	private final String usernameClaim;

	private final SecretBox secrets;

	private final ApplicationEventPublisher events;

	ProviderSignIn(OidcAuthorizationCodeAuthenticationProvider oidc, ExternalAccounts accounts, ClaimRoles claimRoles,
			String usernameClaim, SecretBox secrets, ApplicationEventPublisher events) {
		this.oidc = oidc;
		this.accounts = accounts;
		this.claimRoles = claimRoles;
		this.usernameClaim = usernameClaim;
		this.secrets = secrets;
		this.events = events;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2LoginAuthenticationToken request = (OAuth2LoginAuthenticationToken) authentication;
		ClientRegistration registration = request.getClientRegistration();
		String issuer = String.valueOf(registration.getProviderDetails().getIssuerUri());
		OAuth2LoginAuthenticationToken checked;
		try {
			checked = (OAuth2LoginAuthenticationToken) this.oidc.authenticate(request);
		}
		catch (OAuth2AuthenticationException ex) {
			this.events.publishEvent(new AccountEvents.ProviderSignInRefused("(unknown)", issuer, null,
					"the provider's answer was not accepted: " + describe(ex.getError())));
			throw ex;
		}
		if (checked == null) {
			return null;
		}
		OidcUser user = (OidcUser) checked.getPrincipal();
		Map<String, Object> claims = user.getClaims();
		String subject = user.getSubject();
		Object name = claims.get(this.usernameClaim);
		ExternalAccounts.Outcome outcome = this.accounts.signIn(issuer, subject,
				(name != null) ? name.toString() : user.getEmail(), this.claimRoles.roles(claims));
		if (!outcome.admitted()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(String.valueOf(outcome.refusal())));
		}
		String sealed = this.secrets.encrypt(user.getIdToken().getTokenValue(), ID_TOKEN_PURPOSE);
		ProviderUser principal = new ProviderUser(outcome.username(), outcome.roles(), issuer, subject, sealed);
		return new OAuth2LoginAuthenticationToken(registration, checked.getAuthorizationExchange(), principal,
				principal.getAuthorities(), checked.getAccessToken(), checked.getRefreshToken());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2LoginAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String describe(OAuth2Error error) {
		String description = error.getDescription();
		return (description != null) ? error.getErrorCode() + " (" + description + ")" : error.getErrorCode();
	}

}
