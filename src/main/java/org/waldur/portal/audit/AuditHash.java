package org.waldur.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The hash chain over a canonical, length-prefixed form of an entry's content (without
 * its database id) and the previous entry's hash: HMAC-SHA256 under the {@link AuditKey}
 * for keyed entries, plain SHA-256 for the entries written before the chain had a key.
 */
final class AuditHash {

	/** The previous hash of the first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditHash() {
	}

	/** Databases keep microseconds; hashes are computed on what they keep. */
	static Instant precision(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** The unkeyed SHA-256 of the entries written before the chain had a key. */
	static String of(String prevHash, Instant occurredAt, String actor, AuditAction action, @Nullable String targetType,
			@Nullable String targetId, @Nullable Long sessionId, AuditOutcome outcome, @Nullable String requestId,
			@Nullable String clientIp, String detail) {
		return sha256(canonical(prevHash, occurredAt, actor, action, targetType, targetId, sessionId, outcome,
				requestId, clientIp, detail));
	}

	/** The HMAC-SHA256 under {@code key} of a keyed entry (key version 1). */
	static String keyed(AuditKey key, String prevHash, Instant occurredAt, String actor, AuditAction action,
			@Nullable String targetType, @Nullable String targetId, @Nullable Long sessionId, AuditOutcome outcome,
			@Nullable String requestId, @Nullable String clientIp, String detail) {
		return key.mac("k" + AuditKey.KEYED + ";" + canonical(prevHash, occurredAt, actor, action, targetType, targetId,
				sessionId, outcome, requestId, clientIp, detail));
	}

	/** What the stored entry's hash must be, by its key version. */
	static String of(AuditEntry entry, AuditKey key) {
		if (entry.getKeyVersion() == AuditKey.UNKEYED) {
			return of(entry.getPrevHash(), entry.getOccurredAt(), entry.getActor(), entry.getAction(),
					entry.getTargetType(), entry.getTargetId(), entry.getSessionId(), entry.getOutcome(),
					entry.getRequestId(), entry.getClientIp(), entry.getDetail());
		}
		return keyed(key, entry.getPrevHash(), entry.getOccurredAt(), entry.getActor(), entry.getAction(),
				entry.getTargetType(), entry.getTargetId(), entry.getSessionId(), entry.getOutcome(),
				entry.getRequestId(), entry.getClientIp(), entry.getDetail());
	}

	private static String canonical(String prevHash, Instant occurredAt, String actor, AuditAction action,
			@Nullable String targetType, @Nullable String targetId, @Nullable Long sessionId, AuditOutcome outcome,
			@Nullable String requestId, @Nullable String clientIp, String detail) {
		StringBuilder canonical = new StringBuilder(256);
		for (Object field : new Object[] { prevHash, TIME.format(precision(occurredAt)), actor, action.name(),
				targetType, targetId, sessionId, outcome.name(), requestId, clientIp, detail }) {
			append(canonical, field);
		}
		return canonical.toString();
	}

	private static void append(StringBuilder canonical, @Nullable Object field) {
		if (field == null) {
			canonical.append("-;");
		}
		else {
			String text = field.toString();
			canonical.append(text.length()).append(':').append(text).append(';');
		}
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
