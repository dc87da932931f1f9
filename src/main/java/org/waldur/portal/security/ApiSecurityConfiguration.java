package org.waldur.portal.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security of the automation API under {@code /api/**}, a chain of its own: only
 * {@code Authorization: Bearer} with a portal API token, no session (a session cookie is
 * ignored), no CSRF (nothing a browser sends on its own authenticates), every answer
 * audited with the token's name. The browser chain in {@link SecurityConfiguration} is
 * unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, ApplicationEventPublisher events)
			throws Exception {
		OpaqueTokenIntrospector introspector = (token) -> tokens.authenticate(token)
			.<OAuth2AuthenticatedPrincipal>map((caller) -> new DefaultOAuth2AuthenticatedPrincipal(caller.username(),
					Map.of("sub", caller.username(), ApiTokens.TOKEN_NAME, caller.tokenName()),
					caller.roles()
						.stream()
						.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(role.authority()))
						.toList()))
			.orElseThrow(() -> new BadOpaqueTokenException(
					"The token is unknown, revoked or expired, or its account is disabled."));
		// Its own manager: a token check is no sign-in and publishes no sign-in events.
		ProviderManager manager = new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector));
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.oauth2ResourceServer((server) -> server.opaqueToken((opaque) -> opaque.authenticationManager(manager))
				.authenticationEntryPoint(problemEntryPoint())
				.accessDeniedHandler(problemAccessDenied()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problemEntryPoint())
				.accessDeniedHandler(problemAccessDenied()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.frameOptions((frame) -> frame.deny()))
			.addFilterAfter(new CallAudit(events), AuthorizationFilter.class);
		return http.build();
	}

	/** 401 as a problem detail, with Bearer's {@code WWW-Authenticate} header. */
	private static AuthenticationEntryPoint problemEntryPoint() {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, exception) -> {
			bearer.commence(request, response, exception);
			problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"Send a portal API token as 'Authorization: Bearer <token>'; the token given is missing, unknown, "
							+ "revoked or expired, or its account is disabled. Create one on your account page.");
		};
	}

	private static AccessDeniedHandler problemAccessDenied() {
		BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, exception) -> {
			bearer.handle(request, response, exception);
			problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "The token's account may not do this.");
		};
	}

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(body));
	}

	/**
	 * Publishes every answered call of an authenticated token for the audit log: account,
	 * token name, method, path (no query) and status.
	 */
	static final class CallAudit extends OncePerRequestFilter {

		private final ApplicationEventPublisher events;

		CallAudit(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication caller = SecurityContextHolder.getContext().getAuthentication();
			try {
				chain.doFilter(request, response);
			}
			finally {
				String tokenName = ApiTokens.currentTokenName();
				if (caller != null && tokenName != null) {
					this.events.publishEvent(new ApiTokenEvents.Called(caller.getName(), tokenName, request.getMethod(),
							request.getRequestURI(), response.getStatus()));
				}
			}
		}

	}

}
