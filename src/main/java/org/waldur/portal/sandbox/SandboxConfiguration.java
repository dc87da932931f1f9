package org.waldur.portal.sandbox;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.config.InvalidConfigurationException;
import org.waldur.portal.config.PortalProperties;
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

	/** Tomcat's default {@code server.tomcat.threads.max}. */
	private static final int DEFAULT_SERVER_THREADS = 200;

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
	WaldurEndpoint sandboxWaldurEndpoint(Environment environment, SandboxSeed seed, PortalProperties properties) {
		requireSpareThreads(environment, properties.waldur().maxConcurrentCalls());
		return new SandboxEndpoint(environment, seed);
	}

	/**
	 * The sandbox answers the portal's calls from the web server's own threads, and each
	 * call waiting for it holds one more: with at most half the threads waiting, the
	 * sandbox always has threads to answer and other pages some to spare.
	 */
	private static void requireSpareThreads(Environment environment, int maxConcurrentCalls) {
		int threads = environment.getProperty("server.tomcat.threads.max", Integer.class, DEFAULT_SERVER_THREADS);
		if (2 * maxConcurrentCalls >= threads) {
			throw new InvalidConfigurationException("portal.waldur.max-concurrent-calls (" + maxConcurrentCalls
					+ ") must be below half of server.tomcat.threads.max (" + threads
					+ ") in sandbox mode: the sandbox answers from the same threads.");
		}
	}

}
