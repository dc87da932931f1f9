package org.waldur.portal.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * A position in the audit log for keyset paging: the time and id of an entry.
 *
 * @param occurredAt time of the entry
 * @param id id of the entry
 */
public record AuditCursor(Instant occurredAt, long id) {

	static AuditCursor of(AuditEntry entry) {
		return new AuditCursor(entry.getOccurredAt(), entry.getId());
	}

	/** The cursor as a URL parameter: microseconds since the epoch and id. */
	@Override
	public String toString() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.occurredAt) + "_" + this.id;
	}

	/** Reads {@link #toString()}; {@code null} for a missing or malformed value. */
	public static @Nullable AuditCursor parse(@Nullable String text) {
		if (text == null || !text.matches("-?\\d{1,19}_\\d{1,19}")) {
			return null;
		}
		String[] parts = text.split("_");
		try {
			return new AuditCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
					Long.parseLong(parts[1]));
		}
		catch (NumberFormatException | ArithmeticException | java.time.DateTimeException ex) {
			return null;
		}
	}

}
