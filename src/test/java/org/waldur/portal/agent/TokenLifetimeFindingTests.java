package org.waldur.portal.agent;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token lifetime check: green only for a token that never expires, amber for a
 * lifetime the operator chose, red when the token expired, would expire between the
 * agent's runs, or expires only because nobody chose otherwise.
 */
class TokenLifetimeFindingTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:30:00Z");

	private static final Instant EXPIRES = Instant.parse("2026-11-26T11:00:00Z");

	@Test
	void aTokenWithoutLifetimePasses() {
		Finding finding = HandoverProbe.lifetimeFinding(null, null, "now", false, NOW);
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.PASSED);
		assertThat(finding.detail()).contains("never expires");
	}

	@Test
	void waldursDefaultLifetimeThatNobodyChoseFailsAndNamesTheStepThatFixesIt() {
		Finding finding = HandoverProbe.lifetimeFinding(3600, EXPIRES, "now", false, NOW);
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(finding.detail()).contains("3600 s (1 h)")
			.contains("expires at 2026-11-26 11:00 UTC")
			.contains("Keep the agent's token valid")
			.contains("PATCH users/{uuid}/");
	}

	@Test
	void aLifetimeTheOperatorChosePassesWithAWarning() {
		Finding finding = HandoverProbe.lifetimeFinding(7200, EXPIRES, "now", true, NOW);
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.WARNING);
		assertThat(finding.outcome().passed()).isTrue();
		assertThat(finding.detail()).contains("7200 s (2 h)").contains("as chosen");
	}

	@Test
	void anExpiredTokenFailsEvenWhenItsLifetimeWasChosen() {
		Finding finding = HandoverProbe.lifetimeFinding(7200, EXPIRES, "now", true, EXPIRES.plusSeconds(1));
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(finding.detail()).contains("expired at").contains("Refresh the token");
	}

	@Test
	void aLifetimeShorterThanTheAgentsPeriodFails() {
		Finding finding = HandoverProbe.lifetimeFinding(240, EXPIRES, "now", true, NOW);
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(finding.detail()).contains("240 s (4 min)").contains("5-minute");
	}

}
