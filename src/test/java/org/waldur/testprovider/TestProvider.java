package org.waldur.testprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the sign-in tests (outside the portal's packages, so
 * that the portal's component scan does not pick up its configuration): Spring
 * Authorization Server in its own small application on a random port of {@code localhost}
 * (the portal is reached at {@code 127.0.0.1}, so the two keep their cookies apart). It
 * knows the client {@value #CLIENT_ID} (PKCE required, no consent page), a few people
 * with the password {@value #PASSWORD}, puts their groups into the ID token's
 * {@code groups} claim, and can be told to mint bad ID tokens. One provider serves the
 * whole test run.
 */
public final class TestProvider {

	public static final String CLIENT_ID = "portal";

	public static final String CLIENT_SECRET = "provider-test-client-secret";

	public static final String PASSWORD = "provider-password";

	/** The portal's role map in the tests. */
	public static final String ROLE_MAP = "portal-operators=OPERATOR,portal-support=SUPPORT,"
			+ "portal-auditors=AUDITOR,portal-admins=ADMIN";

	/** What the next ID tokens get wrong. */
	public enum Mischief {

		NONE, WRONG_ISSUER, WRONG_AUDIENCE, EXPIRED

	}

	private static TestProvider shared;

	private final ConfigurableApplicationContext context;

	private final State state;

	private TestProvider(ConfigurableApplicationContext context) {
		this.context = context;
		this.state = context.getBean(State.class);
	}

	/** The provider of this test run, started on first use. */
	public static synchronized TestProvider shared() {
		if (shared == null) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ProviderApplication.class)
				.web(WebApplicationType.SERVLET)
				.run("--server.port=0", "--spring.main.banner-mode=off", "--spring.main.lazy-initialization=false",
						"--server.servlet.session.cookie.name=PROVIDER_SESSION", "--spring.autoconfigure.exclude=",
						"--logging.level.org.springframework.security=WARN");
			shared = new TestProvider(context);
		}
		return shared;
	}

	/** The issuer, as discovered by the portal. */
	public String issuer() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	/** Puts a person in these groups from their next sign-in on. */
	public void groups(String username, String... groups) {
		this.state.groups.put(username, List.of(groups));
	}

	/** Makes the next ID tokens bad in this way (until told {@link Mischief#NONE}). */
	public void mint(Mischief mischief) {
		this.state.mischief = mischief;
	}

	/** Lets the provider's sign-out send people back to this address of the portal. */
	public void allowSignOutTo(String uri) {
		if (this.state.postLogout.add(uri)) {
			RegisteredClient current = this.state.clients.findByClientId(CLIENT_ID);
			this.state.clients.save(RegisteredClient.from(current).postLogoutRedirectUri(uri).build());
		}
	}

	/** Mutable test state shared with the provider's beans. */
	static final class State {

		final Map<String, List<String>> groups = new ConcurrentHashMap<>();

		final Set<String> postLogout = new CopyOnWriteArraySet<>();

		volatile Mischief mischief = Mischief.NONE;

		volatile InMemoryRegisteredClientRepository clients;

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class })
	static class ProviderApplication {

		@Bean
		State state() {
			return new State();
		}

		@Bean
		@Order(1)
		SecurityFilterChain providerEndpoints(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer((server) -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain providerSignIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService people() {
			InMemoryUserDetailsManager people = new InMemoryUserDetailsManager();
			for (String name : List.of("alice", "bob", "carol", "dave", "erin", "frank", "admin", "grace")) {
				people.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
			}
			return people;
		}

		@Bean
		InMemoryRegisteredClientRepository clients(State state) {
			RegisteredClient portal = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				// A loopback address: any port of the portal is accepted.
				.redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.build();
			state.clients = new InMemoryRegisteredClientRepository(portal);
			return state.clients;
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> groupsAndMischief(State state) {
			return (context) -> {
				if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				String name = context.getPrincipal().getName();
				context.getClaims()
					.claim("groups", state.groups.getOrDefault(name, List.of()))
					.claim("preferred_username", name);
				Instant now = Instant.now();
				switch (state.mischief) {
					case WRONG_ISSUER -> context.getClaims().issuer("http://localhost:1/someone-else");
					case WRONG_AUDIENCE -> context.getClaims().audience(List.of("another-client"));
					case EXPIRED -> context.getClaims()
						.issuedAt(now.minus(Duration.ofHours(2)))
						.expiresAt(now.minus(Duration.ofHours(1)));
					case NONE -> {
					}
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
