package org.waldur.portal.audit;

import java.util.regex.Pattern;

/**
 * Keeps details short, on one line, and free of token-looking values.
 */
final class AuditDetails {

	static final int MAX_CHARS = 2000;

	static final String MASK = "******";

	/** Waldur and sandbox tokens are 40 hex digits; UUIDs (32) and hashes (64) stay. */
	private static final Pattern HEX_TOKEN = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{40}(?![0-9A-Fa-f])");

	/** {@code password=...}, {@code "token": "..."} and the like. */
	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)\\b(token|bearer|password|secret)(\"?\\s*[:=]\\s*\"?)[^\\s,;\"']+");

	private AuditDetails() {
	}

	static String clean(String detail) {
		String text = detail.replaceAll("[\\r\\n\\t]+", " ").strip();
		text = HEX_TOKEN.matcher(text).replaceAll(MASK);
		text = KEY_VALUE.matcher(text).replaceAll("$1$2" + MASK);
		return (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS - 1) + "…" : text;
	}

	static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
