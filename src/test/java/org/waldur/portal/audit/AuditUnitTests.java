package org.waldur.portal.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Details cleaning, hashing and cursors, without Spring.
 */
class AuditUnitTests {

	@Test
	void detailsAreOneLineShortAndMasked() {
		assertThat(AuditDetails.clean("Token 0123456789abcdef0123456789abcdef01234567 used"))
			.isEqualTo("Token ****** used");
		assertThat(AuditDetails.clean("password=abc123 and secret: xyz"))
			.isEqualTo("password=****** and secret: ******");
		assertThat(AuditDetails.clean("offering 0123456789abcdef0123456789abcdef ok"))
			.as("32-hex UUIDs are identifiers, not secrets")
			.contains("0123456789abcdef0123456789abcdef");
		assertThat(AuditDetails.clean("Service-account token revealed again"))
			.isEqualTo("Service-account token revealed again");
		assertThat(AuditDetails.clean("line one\nline two")).isEqualTo("line one line two");
		assertThat(AuditDetails.clean("x".repeat(5000))).hasSize(AuditDetails.MAX_CHARS);
	}

	@Test
	void everyFieldTakesPartInTheHash() {
		Instant at = Instant.parse("2030-01-01T00:00:00.000001Z");
		String base = AuditHash.of(AuditHash.GENESIS, at, "a", AuditAction.SIGN_IN, "account", "a", null,
				AuditOutcome.SUCCESS, "r", "127.0.0.1", "d");
		assertThat(base).hasSize(64);
		assertThat(AuditHash.of(AuditHash.GENESIS, at.plusNanos(1000), "a", AuditAction.SIGN_IN, "account", "a", null,
				AuditOutcome.SUCCESS, "r", "127.0.0.1", "d"))
			.isNotEqualTo(base);
		assertThat(AuditHash.of(AuditHash.GENESIS, at.plusNanos(1), "a", AuditAction.SIGN_IN, "account", "a", null,
				AuditOutcome.SUCCESS, "r", "127.0.0.1", "d"))
			.as("below microseconds nothing is kept")
			.isEqualTo(base);
		assertThat(AuditHash.of(AuditHash.GENESIS, at, "a", AuditAction.SIGN_IN, "account", "a", 1L,
				AuditOutcome.SUCCESS, "r", "127.0.0.1", "d"))
			.isNotEqualTo(base);
		assertThat(AuditHash.of(AuditHash.GENESIS, at, "a", AuditAction.SIGN_IN, "account", "a", null,
				AuditOutcome.FAILURE, "r", "127.0.0.1", "d"))
			.isNotEqualTo(base);
		assertThat(AuditHash.of("1".repeat(64), at, "a", AuditAction.SIGN_IN, "account", "a", null,
				AuditOutcome.SUCCESS, "r", "127.0.0.1", "d"))
			.isNotEqualTo(base);
		assertThat(AuditHash.of(AuditHash.GENESIS, at, "a;", AuditAction.SIGN_IN, "ccount", "a", null,
				AuditOutcome.SUCCESS, "r", "127.0.0.1", "d"))
			.as("fields are length-prefixed, so shifting text between them changes the hash")
			.isNotEqualTo(base);
	}

	@Test
	void cursorsRoundTripAndRejectGarbage() {
		AuditCursor cursor = new AuditCursor(Instant.parse("2030-01-01T00:00:00.123456Z"), 42);
		assertThat(AuditCursor.parse(cursor.toString())).isEqualTo(cursor);
		assertThat(AuditCursor.parse("abc")).isNull();
		assertThat(AuditCursor.parse("1_2_3")).isNull();
		assertThat(AuditCursor.parse(null)).isNull();
	}

}
