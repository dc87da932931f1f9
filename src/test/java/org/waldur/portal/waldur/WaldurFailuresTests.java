package org.waldur.portal.waldur;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of Waldur's failures as users read them. */
class WaldurFailuresTests {

	@Test
	void aTimeOutOfWholeSecondsIsSaidInSecondsAndAnyOtherInMilliseconds() {
		assertThat(WaldurFailures.plain(Duration.ofSeconds(30))).isEqualTo("30 s");
		assertThat(WaldurFailures.plain(Duration.ofMillis(1500))).isEqualTo("1500 ms");
		assertThat(WaldurFailures.plain(Duration.ofMillis(300))).isEqualTo("300 ms");
	}

}
