package org.waldur.portal.audit.web;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditFilter;
import org.waldur.portal.audit.AuditOutcome;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the audit pages, bound from GET parameters. Times are UTC; {@code to} is
 * exclusive.
 */
record AuditSearchForm(@Nullable String actor, @Nullable AuditAction action, @Nullable Long session,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME, fallbackPatterns = {
				"yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd" }) @Nullable LocalDateTime from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME,
				fallbackPatterns = { "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd" }) @Nullable LocalDateTime to,
		@Nullable AuditOutcome outcome, @Nullable String before, @Nullable String after){

	AuditSearchForm {
		actor = (actor != null && !actor.isBlank()) ? actor.trim() : null;
	}

	AuditFilter toFilter() {
		return new AuditFilter(this.actor, this.action, this.session,
				(this.from != null) ? this.from.toInstant(ZoneOffset.UTC) : null,
				(this.to != null) ? this.to.toInstant(ZoneOffset.UTC) : null, this.outcome);
	}

	/** The filters (without paging) as a URL under {@code path}. */
	String href(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		add(uri, "actor", this.actor);
		add(uri, "action", this.action);
		add(uri, "session", this.session);
		add(uri, "from", this.from);
		add(uri, "to", this.to);
		add(uri, "outcome", this.outcome);
		return uri.encode().build().toUriString();
	}

	/** The filters in words, for the audit entry of an export. */
	String describe() {
		List<String> parts = new ArrayList<>();
		describe(parts, "actor", this.actor);
		describe(parts, "action", this.action);
		describe(parts, "session", this.session);
		describe(parts, "from", this.from);
		describe(parts, "to", this.to);
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
