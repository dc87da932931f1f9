package org.waldur.portal.onboarding;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session applies every step result the same way, the token one included: sealed with
 * the given function, never in clear. Plain unit tests, without Spring.
 */
class StepResultTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final OnboardingSession session = new OnboardingSession("operator", NOW.minusSeconds(60));

	@Test
	void aFetchedTokenIsStoredSealedAndNeverShown() {
		StepResult token = new StepResult.TokenReceived("a9e00000aaaabbbbccccddddeeeeffff11112222", NOW, 3600);

		this.session.apply(token, (clear) -> "sealed:" + clear.length(), NOW);

		assertThat(this.session.getServiceTokenSecret()).isEqualTo("sealed:40");
		assertThat(this.session.getServiceTokenLifetime()).isEqualTo(3600);
		assertThat(token.toString()).doesNotContain("a9e00000").contains("******");
	}

	@Test
	void anOfferingAndItsStateAreRecorded() {
		this.session.apply(new StepResult.OfferingRecorded("5f1c0a3a2b7e4d1c9a8b7c6d5e4f3a21",
				"https://waldur.example.com/api/marketplace-provider-offerings/5f1c0a3a2b7e4d1c9a8b7c6d5e4f3a21/",
				"Draft", List.of(), List.of()), StepResultTests::refuse, NOW);
		this.session.apply(new StepResult.OfferingActivated("Active"), StepResultTests::refuse, NOW);

		assertThat(this.session.getOfferingUuid()).isEqualTo("5f1c0a3a2b7e4d1c9a8b7c6d5e4f3a21");
		assertThat(this.session.getOfferingState()).isEqualTo("Active");
	}

	@Test
	void resultsWithNothingToRecordLeaveTheSessionAsItWas() {
		for (StepResult result : List.of(StepResult.UNCHANGED, new StepResult.IntegrationSet(),
				new StepResult.RoleGranted(), new StepResult.ProviderRegistered(null))) {
			this.session.apply(result, StepResultTests::refuse, NOW);
		}

		assertThat(this.session.getOfferingUuid()).isNull();
		assertThat(this.session.getUserUuid()).isNull();
		assertThat(this.session.getServiceTokenSecret()).isNull();
	}

	private static String refuse(String token) {
		throw new AssertionError("Only a token result seals a token");
	}

}
