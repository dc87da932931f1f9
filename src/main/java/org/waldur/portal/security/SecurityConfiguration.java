package org.waldur.portal.security;

import java.util.ArrayList;
import java.util.List;

import org.waldur.portal.crypto.SecretBox;

import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.waldur.portal.config.PortalProperties;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Web security: form sign-in against portal accounts and sign-in through an OpenID
 * Connect provider (each can be switched off, not both), CSRF, strict security headers
 * and the access rules per role.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	/** Content security policy of every page: only the portal's own resources. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationManager signIn, PortalProperties properties,
			SignInSettings settings, SecretBox secrets) throws Exception {
		CookieRequestCache requestCache = new CookieRequestCache();
		if (settings.local()) {
			SimpleUrlAuthenticationFailureHandler failureHandler = new SimpleUrlAuthenticationFailureHandler(
					"/login?error");
			// A failed sign-in leaves no session behind (the message is in the URL).
			failureHandler.setAllowSessionCreation(false);
			http.formLogin((form) -> form.loginPage("/login")
				.failureHandler(failureHandler)
				.successHandler(new SavedPathSuccessHandler(requestCache))
				.permitAll());
		}
		LogoutSuccessHandler signedOut = (request, response, authentication) -> response
			.sendRedirect(request.getContextPath() + ProviderSignOut.SIGNED_OUT);
		if (settings.providerEnabled()) {
			ProviderRegistration registration = new ProviderRegistration(settings.oidc());
			signedOut = new ProviderSignOut(registration, secrets);
			http.oauth2Login((oauth) -> oauth.loginPage("/login")
				.clientRegistrationRepository(registration)
				.authorizedClientRepository(new UnkeptAuthorizedClients())
				.successHandler(new SavedPathSuccessHandler(requestCache))
				.failureHandler(new ProviderSignInFailure())
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(ProviderSignInFailure.unavailable());
						return filter;
					}
				}));
		}
		LogoutSuccessHandler logoutSuccess = signedOut;
		http.authenticationManager(signIn)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", ProviderSignInFailure.PAGE, "/assets/**", "/webjars/**", "/favicon.ico",
						"/error")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**", "/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/audit/**", "/audit")
				.hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInPage()))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessHandler(logoutSuccess)
				.deleteCookies("JSESSIONID"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterAfter(new SessionLifetimeFilter(properties.login().sessionLifetime()),
					SecurityContextHolderFilter.class)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(settings)))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	/**
	 * The ways to sign in: with a password (when local sign-in is on), where the throttle
	 * admits the attempt before the password is checked against the stored accounts; and
	 * through the OpenID Connect provider (when configured), which checks no password.
	 * Being the application's only authentication manager, no other provider can check a
	 * password behind the throttle's back.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, ApplicationEventPublisher events, AuthenticationEventPublisher publisher,
			SignInSettings settings, ExternalAccounts externalAccounts, SecretBox secrets) {
		List<AuthenticationProvider> providers = new ArrayList<>();
		if (settings.local()) {
			DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
			passwords.setPasswordEncoder(passwordEncoder);
			// The provider announces outcomes itself, after the throttle's bookkeeping.
			providers.add(new ThrottledSignIn(passwords, throttle, events, publisher));
		}
		if (settings.providerEnabled()) {
			SignInSettings.Oidc oidc = settings.oidc();
			OidcAuthorizationCodeAuthenticationProvider codes = new OidcAuthorizationCodeAuthenticationProvider(
					new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
			providers.add(new ProviderSignIn(codes, externalAccounts, new ClaimRoles(oidc.rolesClaim(), oidc.roles()),
					oidc.usernameClaim(), secrets, events));
		}
		return new ProviderManager(providers);
	}

	/**
	 * The content security policy; with a provider, forms may also lead to the provider's
	 * origin: the sign-out form ends with a redirect to its end-session endpoint, which
	 * browsers check against {@code form-action}.
	 */
	static String contentSecurityPolicy(SignInSettings settings) {
		if (!settings.providerEnabled()) {
			return CONTENT_SECURITY_POLICY;
		}
		java.net.URI issuer = java.net.URI.create(String.valueOf(settings.oidc().issuerUri()));
		String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
		return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
	}

	/**
	 * Sends anonymous visitors to the sign-in page. An htmx request of an expired session
	 * would otherwise swap the sign-in page into a fragment, so htmx is told to load the
	 * sign-in page as a whole instead.
	 */
	private static AuthenticationEntryPoint signInPage() {
		LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
		// A relative redirect: the Host header of the request is not copied into it.
		page.setFavorRelativeUris(true);
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				page.commence(request, response, exception);
			}
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
