package org.waldur.portal.agent;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-lifetime check's verdicts.
 */
class TokenLifetimeFindingTests {

	private static final Instant LAST_USE = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void aTokenWithoutLifetimePasses() {
		Finding finding = HandoverProbe.lifetimeFinding(null, LAST_USE, "now", "u1");
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.PASSED);
		assertThat(finding.detail()).contains("does not expire");
	}

	@Test
	void theDefaultLifetimePassesWithAWarningOnExpiryAndHowToAvoidIt() {
		Finding finding = HandoverProbe.lifetimeFinding(3600, LAST_USE, "now", "u1");
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.WARNING);
		assertThat(finding.outcome().passed()).isTrue();
		assertThat(finding.detail()).contains("3600 s (1 h)")
			.contains("expires at 2026-11-26T11:00:00Z")
			.contains("\"token_lifetime\": null")
			.contains("PATCH /api/users/u1/")
			.contains("WALDUR_CORE.TOKEN_LIFETIME");
	}

	@Test
	void aLifetimeShorterThanTheAgentsPeriodFails() {
		Finding finding = HandoverProbe.lifetimeFinding(240, LAST_USE, "now", "u1");
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(finding.detail()).contains("240 s (4 min)").contains("5-minute");
	}

}
