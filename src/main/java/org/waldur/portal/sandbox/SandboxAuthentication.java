package org.waldur.portal.sandbox;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.stereotype.Component;

/**
 * Waldur's token authentication: {@code Authorization: Token <key>}, with the expiry of
 * {@code token_lifetime} measured from the token's last use, which every successful call
 * moves to now.
 */
@Component
@ConditionalOnSandboxMode
class SandboxAuthentication {

	private final SandboxUsers users;

	private final Clock clock;

	SandboxAuthentication(SandboxUsers users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	/** The user of the request's token, or a 401 {@link ApiException}. */
	SandboxUser authenticate(@Nullable String authorization) {
		String[] parts = (authorization != null) ? authorization.trim().split("\\s+") : new String[0];
		if (parts.length == 0 || !"token".equalsIgnoreCase(parts[0])) {
			throw ApiException.unauthorized("Authentication credentials were not provided.");
		}
		if (parts.length == 1) {
			throw ApiException.unauthorized("Invalid token header. No credentials provided.");
		}
		if (parts.length > 2) {
			throw ApiException.unauthorized("Invalid token header. Token string should not contain spaces.");
		}
		return authenticateKey(parts[1]);
	}

	/**
	 * Whether the header carries a token the sandbox issued, valid or not; anonymous and
	 * made-up tokens are not.
	 */
	boolean recognises(@Nullable String authorization) {
		String[] parts = (authorization != null) ? authorization.trim().split("\\s+") : new String[0];
		return parts.length == 2 && "token".equalsIgnoreCase(parts[0]) && parts[1].length() <= 128
				&& this.users.findToken(parts[1]).isPresent();
	}

	private SandboxUser authenticateKey(String key) {
		SandboxToken token = this.users.findToken(key).orElseThrow(() -> ApiException.unauthorized("Invalid token."));
		SandboxUser user = this.users.find(token.userUuid())
			.filter(SandboxUser::active)
			.orElseThrow(() -> ApiException.unauthorized("User inactive or deleted."));
		Instant now = this.clock.instant();
		Integer lifetime = user.tokenLifetime();
		if (lifetime != null && token.created().isBefore(now.minusSeconds(lifetime))) {
			throw ApiException.unauthorized("Token has expired.");
		}
		this.users.touchToken(key, now);
		return user;
	}

}
