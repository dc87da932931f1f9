package org.waldur.portal.waldur;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Waldur's UUIDs: 32 hex digits as Waldur writes them, or the dashed form, which Waldur
 * also reads and which the OpenAPI schema's {@code format: uuid} requires.
 */
final class WaldurUuids {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private WaldurUuids() {
	}

	/** The UUID unchanged, after checking it is one (so it is safe in a URL path). */
	static String require(@Nullable String uuid) {
		if (uuid == null || !UUID.matcher(uuid).matches()) {
			throw new IllegalArgumentException("Not a Waldur UUID: '" + uuid + "'");
		}
		return uuid;
	}

	/** The UUID in its dashed, lower-case form. */
	static String canonical(String uuid) {
		String hex = require(uuid).replace("-", "").toLowerCase(Locale.ROOT);
		return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20);
	}

}
