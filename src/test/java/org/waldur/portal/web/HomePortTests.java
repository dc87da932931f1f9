package org.waldur.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links to Waldur objects go to HomePort: the configured base, or the API URL without its
 * {@code /api/}; never to an API URL.
 */
class HomePortTests {

	@Test
	void datesHaveOneFormatInUtcWithTheZoneNamed() {
		Dates dates = new Dates();
		java.time.Instant at = java.time.Instant.parse("2026-12-01T17:35:12.345Z");
		assertThat(dates.utc(at)).isEqualTo("2026-12-01 17:35 UTC");
		assertThat(dates.iso(at)).isEqualTo("2026-12-01T17:35:12Z");
		assertThat(dates.utc(at.atOffset(java.time.ZoneOffset.ofHours(2)))).isEqualTo("2026-12-01 17:35 UTC");
		assertThat(dates.utc(null)).isEmpty();
	}

	@Test
	void theBaseIsTheSettingOrTheApiUrlWithoutApi() {
		assertThat(HomePort.base("https://homeport.example.org", "https://api.example.org/api/"))
			.isEqualTo("https://homeport.example.org/");
		assertThat(HomePort.base(null, "https://waldur.example.org/api/")).isEqualTo("https://waldur.example.org/");
		assertThat(HomePort.base(" ", "https://waldur.example.org/api")).isEqualTo("https://waldur.example.org/");
		assertThat(HomePort.base(null, "https://waldur.example.org/rest/")).isNull();
		assertThat(HomePort.base(null, "")).isNull();
	}

}
