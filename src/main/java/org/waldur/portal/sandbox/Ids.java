package org.waldur.portal.sandbox;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Identifiers, token keys and time-stamp conversions of the sandbox.
 */
final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/** A new UUID in Waldur's 32-hex form. */
	static String uuid() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** A new 40-hex token key, like Django REST framework's. */
	static String tokenKey() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
		Instant value = instant(rs, column);
		if (value == null) {
			throw new SQLException("Column " + column + " is null");
		}
		return value;
	}

	static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
