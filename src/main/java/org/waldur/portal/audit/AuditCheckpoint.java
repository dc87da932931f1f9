package org.waldur.portal.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement of the head of the audit chain at one moment: the last entry's id
 * and hash, with an HMAC-SHA256 under the {@link AuditKey}. Kept outside the portal, it
 * lets a later check find entries rewritten or removed up to that entry, even by someone
 * who can change every row of the database.
 *
 * @param entryId the last entry of the chain when it was issued
 * @param hash that entry's hash
 * @param issuedAt when it was issued
 * @param mac the HMAC of the other fields
 */
public record AuditCheckpoint(long entryId, String hash, Instant issuedAt, String mac) {

	private static final String PREFIX = "waldur-portal-audit-checkpoint/1";

	private static final Pattern LINE = Pattern.compile(
			Pattern.quote(PREFIX) + " entry=(\\d{1,18}) hash=([0-9a-f]{64}) issued=(\\S{1,40}) mac=([0-9a-f]{64})");

	static AuditCheckpoint issue(AuditKey key, long entryId, String hash, Instant issuedAt) {
		return new AuditCheckpoint(entryId, hash, issuedAt, key.mac(signed(entryId, hash, issuedAt)));
	}

	/** The checkpoint in the one-line form it is exported and pasted back in. */
	public String line() {
		return PREFIX + " entry=" + this.entryId + " hash=" + this.hash + " issued=" + this.issuedAt + " mac="
				+ this.mac;
	}

	/** The checkpoint written in {@code text}, if it has the exported form. */
	static Optional<AuditCheckpoint> parse(String text) {
		Matcher matcher = LINE.matcher(text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new AuditCheckpoint(Long.parseLong(matcher.group(1)), matcher.group(2),
					Instant.parse(matcher.group(3)), matcher.group(4)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** Whether this checkpoint was issued under {@code key} and not changed since. */
	boolean signedBy(AuditKey key) {
		return key.verifies(signed(this.entryId, this.hash, this.issuedAt), this.mac);
	}

	private static String signed(long entryId, String hash, Instant issuedAt) {
		return PREFIX + ";" + entryId + ";" + hash + ";" + issuedAt;
	}

}
