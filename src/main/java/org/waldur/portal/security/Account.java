package org.waldur.portal.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A portal account: who may sign in, with which roles.
 */
@Entity
@Table(name = "portal_account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	private @Nullable String passwordHash;

	/** The issuer of the provider an external account signs in through. */
	private @Nullable String externalIssuer;

	/** The provider's subject of an external account. */
	private @Nullable String externalSubject;

	private boolean enabled;

	private boolean demo;

	private boolean disabledByAdmin;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "portal_account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected Account() {
		this.username = "";
		this.passwordHash = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Account(String username, String passwordHash, Set<Role> roles, boolean demo, Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = true;
		this.demo = demo;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * An account created at the first sign-in through an OpenID Connect provider: it has
	 * no password and its roles come from the provider's claims.
	 */
	static Account external(String username, String issuer, String subject, Set<Role> roles, Instant now) {
		Account account = new Account(username, "", roles, false, now);
		account.passwordHash = null;
		account.externalIssuer = issuer;
		account.externalSubject = subject;
		return account;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	@Nullable String getPasswordHash() {
		return this.passwordHash;
	}

	/** Whether the account signs in through the OpenID Connect provider only. */
	public boolean isExternal() {
		return this.externalSubject != null;
	}

	public @Nullable String getExternalIssuer() {
		return this.externalIssuer;
	}

	public @Nullable String getExternalSubject() {
		return this.externalSubject;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isDemo() {
		return this.demo;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public Set<Role> getRoles() {
		return this.roles.isEmpty() ? Set.of() : EnumSet.copyOf(this.roles);
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void assignRoles(Set<Role> roles, Instant now) {
		this.roles.clear();
		this.roles.addAll(roles);
		this.updatedAt = now;
	}

	void enable(Instant now) {
		this.enabled = true;
		this.disabledByAdmin = false;
		this.updatedAt = now;
	}

	/** Disabled by an administrator: stays so until an administrator enables it. */
	void disable(Instant now) {
		this.enabled = false;
		this.disabledByAdmin = true;
		this.updatedAt = now;
	}

	/**
	 * Disabled by the portal itself (a demo account while connected to a real Waldur):
	 * sandbox mode may enable it again.
	 */
	void suspend(Instant now) {
		this.enabled = false;
		this.updatedAt = now;
	}

	/** Whether an administrator disabled this account (rather than the portal). */
	public boolean isDisabledByAdmin() {
		return this.disabledByAdmin;
	}

}
