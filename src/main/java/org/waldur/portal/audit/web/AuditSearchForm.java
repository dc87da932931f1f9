package org.waldur.portal.audit.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditFilter;
import org.waldur.portal.audit.AuditOutcome;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the audit pages, bound from GET parameters. Times are UTC, typed as an
 * ISO date with an optional time of day; {@code to} is exclusive.
 */
record AuditSearchForm(@Nullable String actor, @Nullable AuditAction action, @Nullable Long session,
		@Nullable String from, @Nullable String to, @Nullable AuditOutcome outcome, @Nullable String before,
		@Nullable String after) {

	private static final LocalDateTime FIRST = LocalDateTime.of(1, 1, 1, 0, 0);

	private static final LocalDateTime LAST = LocalDateTime.of(9999, 12, 31, 0, 0);

	AuditSearchForm {
		actor = (actor != null && !actor.isBlank()) ? actor.trim() : null;
		from = (from != null && !from.isBlank()) ? from.strip() : null;
		to = (to != null && !to.isBlank()) ? to.strip() : null;
	}

	AuditFilter toFilter() {
		LocalDateTime start = time(this.from);
		LocalDateTime end = time(this.to);
		return new AuditFilter(this.actor, this.action, this.session,
				(start != null) ? start.toInstant(ZoneOffset.UTC) : null,
				(end != null) ? end.toInstant(ZoneOffset.UTC) : null, this.outcome);
	}

	/**
	 * What is wrong with the typed times, one message per field; empty when both are
	 * absent or valid times of the years 1 to 9999.
	 */
	Map<String, String> dateErrors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.from != null && time(this.from) == null) {
			errors.put("from", "Enter the start as a date and time (UTC) between years 1 and 9999");
		}
		if (this.to != null && time(this.to) == null) {
			errors.put("to", "Enter the end as a date and time (UTC) between years 1 and 9999");
		}
		return errors;
	}

	/** A date with an optional time of day, or {@code null} when absent or not one. */
	private static @Nullable LocalDateTime time(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			LocalDateTime time = text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
			return (time.isBefore(FIRST) || time.isAfter(LAST)) ? null : time;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The filters (without paging) as a URL under {@code path}. */
	String href(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		add(uri, "actor", this.actor);
		add(uri, "action", this.action);
		add(uri, "session", this.session);
		add(uri, "from", time(this.from));
		add(uri, "to", time(this.to));
		add(uri, "outcome", this.outcome);
		return uri.encode().build().toUriString();
	}

	/** The filters in words, for the audit entry of an export. */
	String describe() {
		List<String> parts = new ArrayList<>();
		describe(parts, "actor", this.actor);
		describe(parts, "action", this.action);
		describe(parts, "session", this.session);
		describe(parts, "from", time(this.from));
		describe(parts, "to", time(this.to));
		describe(parts, "outcome", this.outcome);
		return parts.isEmpty() ? "no filter" : String.join(", ", parts);
	}

	private static void add(UriComponentsBuilder uri, String name, @Nullable Object value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}

	private static void describe(List<String> parts, String name, @Nullable Object value) {
		if (value != null) {
			parts.add(name + "=" + value);
		}
	}

}
