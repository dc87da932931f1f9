package org.waldur.portal.waldur;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How long the client waits for a slow Waldur: calls beyond the limit are refused at once
 * and unsent, and reads a page waits for end within the page-time read time-out.
 */
class WaldurPatienceTests extends WaldurWireMockSupport {

	static final int LIMIT = 2;

	static final int SLOW_MILLIS = 1500;

	@Test
	void callsBeyondTheLimitAreRefusedAtOnceWithoutBeingSent() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/"))
			.willReturn(json(200, fixture("user.json")).withFixedDelay(SLOW_MILLIS)));
		WaldurClient limited = new WaldurClient(transport(endpoint(), READ_TIMEOUT, LIMIT));
		List<CompletableFuture<WaldurUser>> slow = IntStream.range(0, LIMIT)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> limited.currentUser(WaldurCredential.staff()).value()))
			.toList();
		awaitRequests(LIMIT);

		long started = System.nanoTime();
		assertThatThrownBy(() -> limited
			.send(WaldurCalls.createUser(new NewUser("alpha-hpc-agent", "agent@alpha.example.com", "Alpha", "Agent"))))
			.isInstanceOf(WaldurBusyException.class)
			.hasMessageStartingWith("Waldur is busy, try again in a moment")
			.hasMessageContaining("nothing was sent for creating the user")
			.satisfies((ex) -> assertThat(((WaldurException) ex).retryable()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));

		assertThat(slow).allSatisfy((call) -> assertThat(call.join().uuid()).isEqualTo(USER_UUID));
		wireMock.verify(0, postRequestedFor(urlPathEqualTo("/api/users/")));
		assertThat(limited.currentUser(WaldurCredential.staff()).value().uuid()).isEqualTo(USER_UUID);
	}

	@Test
	void aSlowListForAPageEndsWithinThePageReadTimeoutWithoutRetries() {
		wireMock.stubFor(get(urlPathEqualTo("/api/customers/"))
			.willReturn(json(200, fixture("customers.json")).withFixedDelay(SLOW_MILLIS)));

		long started = System.nanoTime();
		assertThatThrownBy(() -> this.client.customers(WaldurCredential.staff(), null, 1, 50))
			.isInstanceOf(WaldurUnavailableException.class)
			.hasMessageContaining("did not answer within " + PAGE_READ_TIMEOUT.toMillis() + " ms");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(SLOW_MILLIS));
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/customers/")));
	}

	@Test
	void aStepsReadWaitsForTheReadTimeout() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/"))
			.willReturn(json(200, fixture("user.json")).withFixedDelay(SLOW_MILLIS)));

		assertThat(this.client.currentUser(WaldurCredential.staff()).value().uuid()).isEqualTo(USER_UUID);
	}

	private static void awaitRequests(int count) {
		long started = System.nanoTime();
		while (wireMock.getAllServeEvents().size() < count
				&& System.nanoTime() - started < Duration.ofMillis(SLOW_MILLIS).toNanos()) {
			Thread.onSpinWait();
		}
	}

}
