package org.waldur.portal.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one date format of the pages: {@code 2026-12-01 17:35 UTC}, with the exact UTC time
 * in the {@code datetime} attribute; the browser then shows it in the viewer's own time
 * zone, zone named, and the UTC time on hover (see {@code portal.js}). Exports stay UTC.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/**
	 * As shown before the browser turns it to local time: {@code 2026-12-01 17:35 UTC}.
	 */
	public String utc(@Nullable Object at) {
		Instant instant = instant(at);
		return (instant != null) ? SHOWN.format(instant) : "";
	}

	/**
	 * The same format for times written into texts (check details, messages) that are
	 * stored and exported as they are: {@code 2026-12-01 17:35 UTC}, or {@code never}.
	 */
	public static String inText(@Nullable Object at) {
		Instant instant = instant(at);
		return (instant != null) ? SHOWN.format(instant) : "never";
	}

	/** For the {@code datetime} attribute: {@code 2026-12-01T17:35:12Z}. */
	public String iso(@Nullable Object at) {
		Instant instant = instant(at);
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : "";
	}

	static @Nullable Instant instant(@Nullable Object at) {
		if (at instanceof Instant instant) {
			return instant;
		}
		if (at instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (at instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (at instanceof LocalDateTime local) {
			return local.toInstant(ZoneOffset.UTC);
		}
		return null;
	}

}
