package org.waldur.portal.onboarding;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The service account's API token: the secret (encrypted by {@link OnboardingSecrets}
 * before it gets here), when Waldur created it, its lifetime, whether it was shown once,
 * and the lifetime the operator chose on the keep-token step. A value: every change makes
 * a new one.
 */
@Embeddable
public class ServiceToken {

	@Column(name = "service_token_secret")
	private @Nullable String secret;

	@Column(name = "service_token_created")
	private @Nullable Instant created;

	@Column(name = "service_token_lifetime")
	private @Nullable Integer lifetime;

	@Column(name = "service_token_displayed")
	private boolean displayed;

	@Column(name = "keep_token_seconds")
	private @Nullable Integer keepTokenSeconds;

	/** No token fetched, no lifetime chosen. */
	protected ServiceToken() {
	}

	private ServiceToken(@Nullable String secret, @Nullable Instant created, @Nullable Integer lifetime,
			boolean displayed, @Nullable Integer keepTokenSeconds) {
		this.secret = secret;
		this.created = created;
		this.lifetime = lifetime;
		this.displayed = displayed;
		this.keepTokenSeconds = keepTokenSeconds;
	}

	static ServiceToken none() {
		return new ServiceToken();
	}

	/** A newly fetched token, not shown yet; the chosen lifetime is kept. */
	ServiceToken fetched(String secret, @Nullable Instant created, @Nullable Integer lifetime) {
		return new ServiceToken(secret, created, lifetime, false, this.keepTokenSeconds);
	}

	ServiceToken withLifetime(@Nullable Integer seconds) {
		return new ServiceToken(this.secret, this.created, seconds, this.displayed, this.keepTokenSeconds);
	}

	ServiceToken keepingFor(@Nullable Integer seconds) {
		return new ServiceToken(this.secret, this.created, this.lifetime, this.displayed, seconds);
	}

	ServiceToken displayed() {
		return new ServiceToken(this.secret, this.created, this.lifetime, true, this.keepTokenSeconds);
	}

	/** Whether a token was fetched. */
	public boolean exists() {
		return this.secret != null;
	}

	/** The sealed secret; only {@link Onboarding} opens it. */
	@Nullable String getSecret() {
		return this.secret;
	}

	public @Nullable Instant getCreated() {
		return this.created;
	}

	public @Nullable Integer getLifetime() {
		return this.lifetime;
	}

	public boolean isDisplayed() {
		return this.displayed;
	}

	public @Nullable Integer getKeepTokenSeconds() {
		return this.keepTokenSeconds;
	}

	@Override
	public String toString() {
		return "ServiceToken[secret=" + ((this.secret != null) ? "******" : null) + ", created=" + this.created
				+ ", lifetime=" + this.lifetime + ", displayed=" + this.displayed + "]";
	}

}
