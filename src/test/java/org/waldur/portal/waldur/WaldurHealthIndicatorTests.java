package org.waldur.portal.waldur;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code waldur} health component against a WireMock Waldur.
 */
class WaldurHealthIndicatorTests extends WaldurWireMockSupport {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final Duration CACHE_TIME = Duration.ofSeconds(30);

	@Test
	void upWithUrlSandboxFlagAndUserWhenWaldurAnswers() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));

		Health health = indicator(endpoint()).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("url", "http://localhost:" + wireMock.port() + "/api/")
			.containsEntry("sandbox", false)
			.containsEntry("user", "alpha-hpc-agent");
		assertThat(health.toString()).doesNotContain(STAFF_TOKEN);
	}

	@Test
	void manyChecksWithinTheCacheTimeMakeOneCall() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));
		WaldurHealthIndicator indicator = indicator(endpoint());

		for (int i = 0; i < 50; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}

		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void aResultOlderThanTheCacheTimeIsProbedAgain() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(503, "")));
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
		Clock clock = new Clock() {

			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		};
		WaldurEndpoint endpoint = endpoint();
		WaldurHealthIndicator indicator = new WaldurHealthIndicator(client(endpoint), provider(endpoint), TIMEOUT,
				CACHE_TIME, clock);

		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		now.set(now.get().plus(CACHE_TIME).minusSeconds(1));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/me/")));
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));
		now.set(now.get().plusSeconds(1));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void whileThePortalStartsWaldurIsNotProbedAndTheComponentIsOutOfService() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));
		AtomicBoolean started = new AtomicBoolean(false);
		WaldurEndpoint endpoint = endpoint();
		WaldurHealthIndicator indicator = new WaldurHealthIndicator(client(endpoint), provider(endpoint), TIMEOUT,
				CACHE_TIME, Clock.systemUTC(), started::get);

		for (int check = 0; check < 5; check++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		}
		wireMock.verify(0, getRequestedFor(urlPathEqualTo("/api/users/me/")));

		started.set(true);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void aFailureOnceThePortalAcceptsTrafficIsReusedForTheCacheTime() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(503, "")));
		WaldurEndpoint endpoint = endpoint();
		WaldurHealthIndicator indicator = new WaldurHealthIndicator(client(endpoint), provider(endpoint), TIMEOUT,
				CACHE_TIME, Clock.systemUTC(), () -> true);

		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void downAndUnauthorizedWhenTheStaffTokenIsRefused() {
		wireMock
			.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(401, "{\"detail\": \"Invalid token.\"}")));

		Health health = indicator(endpoint()).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason")).asString()
			.startsWith("unauthorized: ")
			.contains("staff token", "Invalid token.");
		assertThat(health.toString()).doesNotContain(STAFF_TOKEN);
	}

	@Test
	void downOnAServerErrorWithoutRetrying() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(503, "")));

		Health health = indicator(endpoint()).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason")).asString().contains("503");
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void downAndUnreachableWhenNothingListens() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		WaldurEndpoint nowhere = new TestEndpoint(URI.create("http://localhost:" + port + "/api/"), STAFF_TOKEN, true);

		Health health = indicator(nowhere).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("sandbox", true);
		assertThat(health.getDetails().get("reason")).asString().startsWith("unreachable: ");
	}

	@Test
	void downWithinItsTimeoutWhenWaldurIsSlow() {
		wireMock.stubFor(
				get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json")).withFixedDelay(2000)));
		WaldurEndpoint endpoint = endpoint();
		WaldurHealthIndicator indicator = new WaldurHealthIndicator(client(endpoint), provider(endpoint),
				Duration.ofMillis(300), CACHE_TIME, Clock.systemUTC());

		long started = System.nanoTime();
		Health health = indicator.health();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason")).asString().startsWith("unreachable: ").contains("300 ms");
	}

	@Test
	void unknownWithoutAnEndpoint() {
		Health health = new WaldurHealthIndicator(client(endpoint()),
				new StaticListableBeanFactory().getBeanProvider(WaldurEndpoint.class), TIMEOUT, CACHE_TIME,
				Clock.systemUTC())
			.health();

		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
	}

	private static WaldurHealthIndicator indicator(WaldurEndpoint endpoint) {
		return new WaldurHealthIndicator(client(endpoint), provider(endpoint), TIMEOUT, CACHE_TIME, Clock.systemUTC());
	}

	private static ObjectProvider<WaldurEndpoint> provider(WaldurEndpoint endpoint) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("waldurEndpoint", endpoint);
		return beans.getBeanProvider(WaldurEndpoint.class);
	}

}
