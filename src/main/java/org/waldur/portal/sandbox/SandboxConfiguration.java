package org.waldur.portal.sandbox;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.waldur.WaldurEndpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the sandbox in sandbox mode: its own security chain for {@code /sandbox/api/**}
 * (Waldur's token authentication happens in the API itself, never the portal's sign-in)
 * and the {@link WaldurEndpoint} that points the portal at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxConfiguration {

	/** Content security policy of the API: it serves JSON only. */
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain sandboxApiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/sandbox/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	WaldurEndpoint sandboxWaldurEndpoint(Environment environment, SandboxSeed seed) {
		return new SandboxEndpoint(environment, seed);
	}

}
