package org.waldur.portal.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The portal's registration at the OpenID Connect provider, discovered from the issuer's
 * {@code /.well-known/openid-configuration} on the first sign-in and kept: the portal
 * starts, and local accounts sign in, while the provider is away. A failed discovery is
 * tried again by the next sign-in, at most every {@link #RETRY_AFTER}.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

	static final Duration RETRY_AFTER = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);

	private final SignInSettings.Oidc settings;

	private final AtomicReference<@Nullable ClientRegistration> registration = new AtomicReference<>();

	private volatile long failedAt;

	ProviderRegistration(SignInSettings.Oidc settings) {
		this.settings = settings;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!this.settings.registrationId().equals(registrationId)) {
			return null;
		}
		ClientRegistration known = this.registration.get();
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (this.registration.get() == null
					&& (this.failedAt == 0 || System.currentTimeMillis() - this.failedAt > RETRY_AFTER.toMillis())) {
				this.registration.set(discover());
			}
		}
		return this.registration.get();
	}

	private @Nullable ClientRegistration discover() {
		String issuer = this.settings.issuerUri();
		try {
			ClientRegistration.Builder builder = ClientRegistrations.fromOidcIssuerLocation(issuer)
				.registrationId(this.settings.registrationId())
				.clientName(this.settings.providerName())
				.clientId(this.settings.clientId())
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope(this.settings.scopes())
				.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
			if (this.settings.clientSecret() != null) {
				// The method the provider advertises first (client_secret_basic where
				// offered).
				builder.clientSecret(this.settings.clientSecret());
			}
			else {
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			}
			ClientRegistration discovered = builder.build();
			this.failedAt = 0;
			log.info("OpenID Connect provider {} discovered", issuer);
			return discovered;
		}
		catch (RuntimeException ex) {
			this.failedAt = System.currentTimeMillis();
			log.warn("OpenID Connect provider {} could not be discovered: {}", issuer, ex.getMessage());
			return null;
		}
	}

}
