package org.waldur.portal.security;

import java.time.Instant;

/**
 * Events about personal API tokens and their use, for the audit log. They carry the
 * token's name, never the token.
 */
public final class ApiTokenEvents {

	private ApiTokenEvents() {
	}

	/** An account created a token. */
	public record Created(String username, String tokenName, Instant expiresAt) {
	}

	/** An account revoked one of its tokens. */
	public record Revoked(String username, String tokenName) {
	}

	/**
	 * A stored token was refused: revoked, expired, or its account disabled (unknown
	 * tokens are not recorded).
	 */
	public record Refused(String username, String tokenName, String reason) {
	}

	/** An API call was answered. */
	public record Called(String username, String tokenName, String method, String path, int status) {
	}

}
