package org.waldur.portal.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log, never changed once written. Its {@link #getHash() hash}
 * covers its content and the hash of the entry before it.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

	@Id
	private long id;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private AuditAction action;

	private @Nullable String targetType;

	private @Nullable String targetId;

	private @Nullable Long sessionId;

	@Enumerated(EnumType.STRING)
	private AuditOutcome outcome;

	private @Nullable String requestId;

	private @Nullable String clientIp;

	private String detail;

	private String prevHash;

	private String hash;

	private int keyVersion;

	protected AuditEntry() {
		this.occurredAt = Instant.EPOCH;
		this.actor = "";
		this.action = AuditAction.SIGN_IN;
		this.outcome = AuditOutcome.SUCCESS;
		this.detail = "";
		this.prevHash = "";
		this.hash = "";
	}

	AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, @Nullable String targetType,
			@Nullable String targetId, @Nullable Long sessionId, AuditOutcome outcome, @Nullable String requestId,
			@Nullable String clientIp, String detail, String prevHash, String hash, int keyVersion) {
		this.id = id;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.targetType = targetType;
		this.targetId = targetId;
		this.sessionId = sessionId;
		this.outcome = outcome;
		this.requestId = requestId;
		this.clientIp = clientIp;
		this.detail = detail;
		this.prevHash = prevHash;
		this.hash = hash;
		this.keyVersion = keyVersion;
	}

	public long getId() {
		return this.id;
	}

	/** When it happened, to the microsecond. */
	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	/** The portal user (or username tried, or {@code system}) who acted. */
	public String getActor() {
		return this.actor;
	}

	public AuditAction getAction() {
		return this.action;
	}

	/** Kind of the object acted on, such as {@code account} or {@code session}. */
	public @Nullable String getTargetType() {
		return this.targetType;
	}

	public @Nullable String getTargetId() {
		return this.targetId;
	}

	/** The onboarding session concerned, if any. */
	public @Nullable Long getSessionId() {
		return this.sessionId;
	}

	public AuditOutcome getOutcome() {
		return this.outcome;
	}

	/** Id of the web request that caused the entry; {@code null} for scheduled jobs. */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	public @Nullable String getClientIp() {
		return this.clientIp;
	}

	/** A short description, never containing a secret. */
	public String getDetail() {
		return this.detail;
	}

	/** Hash of the previous entry (64 zeros for the first). */
	public String getPrevHash() {
		return this.prevHash;
	}

	/**
	 * HMAC-SHA256 (hex) of this entry's content and the previous hash, or its SHA-256 for
	 * entries written before the chain had a key.
	 */
	public String getHash() {
		return this.hash;
	}

	/** {@code 1} for an entry chained under the audit key, {@code 0} for an older one. */
	public int getKeyVersion() {
		return this.keyVersion;
	}

}
