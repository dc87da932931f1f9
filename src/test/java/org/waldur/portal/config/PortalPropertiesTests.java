package org.waldur.portal.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Validation and masking of the portal's settings.
 */
class PortalPropertiesTests {

	private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@Test
	void missingTrailingSlashIsAdded() {
		PortalProperties.Waldur waldur = waldur("https://waldur.example.com/api", "0123456789abcdef");
		assertThat(waldur.apiRoot()).isEqualTo(URI.create("https://waldur.example.com/api/"));
		assertThat(waldur.url()).isEqualTo("https://waldur.example.com/api/");
	}

	@Test
	void noUrlMeansSandboxMode() {
		PortalProperties properties = properties(waldur(null, null), KEY);
		assertThat(properties.sandboxMode()).isTrue();
		assertThat(properties(waldur("https://w.example.com/api/", "0123456789abcdef"), KEY).sandboxMode()).isFalse();
	}

	@Test
	void urlMustBeHttp() {
		assertThatThrownBy(() -> waldur("ftp://waldur.example.com/api/", "0123456789abcdef"))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("WALDUR_URL must be an http(s) URL");
		assertThatThrownBy(() -> waldur("waldur.example.com/api/", "0123456789abcdef"))
			.isInstanceOf(InvalidConfigurationException.class);
	}

	@Test
	void tokenWithoutUrlIsRefused() {
		assertThatThrownBy(() -> waldur(null, "0123456789abcdef")).isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("WALDUR_STAFF_TOKEN is set but WALDUR_URL is not: set both, or neither for sandbox mode.");
	}

	@Test
	void urlWithoutTokenIsRefused() {
		assertThatThrownBy(() -> waldur("https://waldur.example.com/api/", null))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("WALDUR_STAFF_TOKEN is not");
	}

	@Test
	void secretKeyMustBe32BytesOfBase64() {
		assertThatThrownBy(() -> properties(waldur(null, null), "c2hvcnQ="))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("PORTAL_SECRET_KEY must decode to 32 bytes (AES-256), but it decodes to 5 bytes.");
		assertThatThrownBy(() -> properties(waldur(null, null), "not base64!"))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("PORTAL_SECRET_KEY is not valid Base64.");
	}

	@Test
	void toStringMasksEverySecret() {
		PortalProperties properties = new PortalProperties(Path.of("data"), KEY, "admin-secret-pw",
				waldur("https://w.example.com/api/", "staff-token-value"),
				new PortalProperties.Sandbox("sandbox-staff-token", "sandbox-owner-token", "sandbox-demo"),
				PortalProperties.Login.defaults());
		assertThat(properties.toString())
			.doesNotContain(KEY, "admin-secret-pw", "staff-token-value", "sandbox-staff-token", "sandbox-owner-token")
			.contains("https://w.example.com/api/");
	}

	@Test
	void pagesWaitForWaldurAFewSecondsAtMost() {
		assertThatThrownBy(() -> waldur(Duration.ofSeconds(4), 2, 16)).isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("page-read-timeout times (1 + page-read-retries) must be at most 10s");
		assertThat(waldur(Duration.ofSeconds(5), 1, 16).pageReadTimeout()).hasSeconds(5);
	}

	@Test
	void atLeastOneCallToWaldurAtATime() {
		assertThatThrownBy(() -> waldur(Duration.ofSeconds(2), 0, 0)).isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("portal.waldur.max-concurrent-calls must be at least 1.");
	}

	@Test
	void anInterruptedRunWaitsForEveryRetryAndItsPauses() {
		// 4 calls, each tried 6 times at 35 s, with pauses of 5 + 10 + 20 + 40 + 80 s
		PortalProperties.Waldur waldur = retrying(5, Duration.ofSeconds(5));
		assertThat(waldur.interruptedAfter())
			.isEqualTo(Duration.ofSeconds(35).multipliedBy(6).plusSeconds(155).multipliedBy(4).plusSeconds(10));
		assertThat(retrying(0, Duration.ofSeconds(5)).interruptedAfter()).isEqualTo(Duration.ofSeconds(4 * 35 + 10));
	}

	@Test
	void theRetryPauseIsBounded() {
		assertThatThrownBy(() -> retrying(2, Duration.ofSeconds(11))).isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("portal.waldur.retry-backoff must be at most 10s.");
		assertThatThrownBy(() -> retrying(2, Duration.ofMillis(-1))).isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("portal.waldur.retry-backoff must not be negative.");
	}

	private static PortalProperties.Waldur retrying(int readRetries, Duration retryBackoff) {
		return new PortalProperties.Waldur(null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), readRetries,
				retryBackoff, Duration.ofSeconds(2), 0, 16, Duration.ofSeconds(30), Duration.ofSeconds(30), null, null);
	}

	private static PortalProperties.Waldur waldur(String url, String token) {
		return new PortalProperties.Waldur(url, token, Duration.ofSeconds(5), Duration.ofSeconds(30), 2,
				Duration.ofMillis(200), Duration.ofSeconds(2), 0, 16, Duration.ofSeconds(30), Duration.ofSeconds(30),
				null, null);
	}

	private static PortalProperties.Waldur waldur(Duration pageReadTimeout, int pageReadRetries, int maxCalls) {
		return new PortalProperties.Waldur(null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 2,
				Duration.ofMillis(200), pageReadTimeout, pageReadRetries, maxCalls, Duration.ofSeconds(30),
				Duration.ofSeconds(30), null, null);
	}

	private static PortalProperties properties(PortalProperties.Waldur waldur, String key) {
		return new PortalProperties(Path.of("data"), key, null, waldur,
				new PortalProperties.Sandbox(null, null, "sandbox-demo"), PortalProperties.Login.defaults());
	}

}
