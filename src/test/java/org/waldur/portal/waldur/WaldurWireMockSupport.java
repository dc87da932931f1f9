package org.waldur.portal.waldur;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WireMock server standing in for Waldur, a client pointed at it and the canned,
 * contract-valid Waldur responses under {@code src/test/resources/waldur/responses/}.
 */
abstract class WaldurWireMockSupport {

	static final String STAFF_TOKEN = "5taff00000aaaabbbbccccddddeeeeffff111122";

	static final String OWNER_TOKEN = "0wner00000aaaabbbbccccddddeeeeffff111122";

	static final String OFFERING_UUID = "5f1c0a3a2b7e4d1c9a8b7c6d5e4f3a21";

	static final String USER_UUID = "0b7c3a3e8c594e43b3f49f1f63a7c3d1";

	static final String CUSTOMER_UUID = "c0ffee00c0ffee00c0ffee00c0ffee00";

	static final String OFFERINGS = "/api/marketplace-provider-offerings/";

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

	/** The page-time read time-out: pickers' lists are read once, within it. */
	static final Duration PAGE_READ_TIMEOUT = Duration.ofMillis(500);

	static final int MAX_CALLS = 16;

	static WireMockServer wireMock;

	WaldurClient client;

	@BeforeAll
	static void startWireMock() {
		wireMock = new WireMockServer(options().dynamicPort());
		wireMock.start();
	}

	@AfterAll
	static void stopWireMock() {
		wireMock.stop();
	}

	@BeforeEach
	void resetWireMock() {
		wireMock.resetAll();
		this.client = client(endpoint());
	}

	static WaldurEndpoint endpoint() {
		return new TestEndpoint(URI.create("http://localhost:" + wireMock.port() + "/api/"), STAFF_TOKEN, false);
	}

	static WaldurClient client(WaldurEndpoint endpoint) {
		return client(endpoint, READ_TIMEOUT);
	}

	static WaldurClient client(WaldurEndpoint endpoint, Duration readTimeout) {
		return new WaldurClient(transport(endpoint, readTimeout));
	}

	static WaldurTransport transport(WaldurEndpoint endpoint, Duration readTimeout) {
		return transport(endpoint, readTimeout, MAX_CALLS);
	}

	static WaldurTransport transport(WaldurEndpoint endpoint, Duration readTimeout, int maxCalls) {
		WaldurClientSettings settings = new WaldurClientSettings(Duration.ofSeconds(1), readTimeout, 2,
				Duration.ofMillis(20), PAGE_READ_TIMEOUT, 0, maxCalls, "waldur-onboarding-portal/test");
		return new WaldurTransport(WebClient.builder(), () -> endpoint, settings, WaldurJson.mapper());
	}

	static String fixture(String name) {
		try (InputStream in = WaldurWireMockSupport.class.getResourceAsStream("/waldur/responses/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** The body of the only request matching the pattern. */
	static String receivedBody(RequestPatternBuilder pattern) {
		List<LoggedRequest> requests = wireMock.findAll(pattern);
		assertThat(requests).hasSize(1);
		return requests.get(0).getBodyAsString();
	}

	record TestEndpoint(URI apiRoot, String staffToken, boolean sandbox) implements WaldurEndpoint {

		@Override
		public String toString() {
			return "TestEndpoint[" + this.apiRoot + "]";
		}

	}

}
