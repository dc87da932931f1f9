package org.waldur.portal.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token of a portal account: its name, expiry and state. Only the token's
 * SHA-256 is kept; the token itself is shown once, when it is created.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long accountId;

	private String name;

	private String tokenHash;

	private String hint;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant revokedAt;

	private @Nullable Instant lastUsedAt;

	protected ApiToken() {
		this.name = "";
		this.tokenHash = "";
		this.hint = "";
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	ApiToken(long accountId, String name, String tokenHash, String hint, Instant createdAt, Instant expiresAt) {
		this.accountId = accountId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.hint = hint;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	long getAccountId() {
		return this.accountId;
	}

	public String getName() {
		return this.name;
	}

	/**
	 * The token's prefix and last characters, enough to recognise it, never to use it.
	 */
	public String getHint() {
		return this.hint;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	public @Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	/** Whether the token is accepted at {@code now}: neither revoked nor expired. */
	public boolean isActive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	/** "Active", "Revoked" or "Expired", for the account page. */
	public String state(Instant now) {
		return (this.revokedAt != null) ? "Revoked" : now.isBefore(this.expiresAt) ? "Active" : "Expired";
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

}
