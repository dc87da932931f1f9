package org.waldur.portal.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One shared sandbox-mode application for all sandbox tests, with a movable clock and a
 * plain HTTP client against {@code /sandbox/api/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(SandboxTestClockConfiguration.class)
abstract class SandboxTestSupport {

	static final String SLURM = "Marketplace.Slurm";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	MutableClock clock;

	@Autowired
	SandboxWaldurVersion waldurVersion;

	@AfterEach
	void resetControls() {
		this.faults.clear();
		this.clock.reset();
		this.waldurVersion.reset();
	}

	String staff() {
		return this.seed.staffToken();
	}

	String owner() {
		return this.seed.ownerToken();
	}

	String api(String path) {
		return "http://127.0.0.1:" + this.port + "/sandbox/api/" + path;
	}

	String customerUrl() {
		return api("customers/" + this.seed.providerCustomerUuid() + "/");
	}

	String categoryUrl() {
		return api("marketplace-categories/" + this.seed.categoryUuid("HPC") + "/");
	}

	Reply get(@Nullable String token, String path) {
		return send(token, "GET", path, null);
	}

	Reply post(@Nullable String token, String path, @Nullable String json) {
		return send(token, "POST", path, json);
	}

	Reply send(@Nullable String token, String method, String path, @Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : api(path)))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Token " + token);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: " + method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A valid offering body for the seeded provider, as in Waldur's onboarding guide. */
	String offeringBody(String name, boolean shared, String plans) {
		return """
				{"name": "%s", "description": "Test Cluster", "customer": "%s", "category": "%s",
				 "components": [{"type": "node_hours", "name": "Node hours", "measured_unit": "Node-hours",
				                 "billing_type": "usage", "limit_period": null}],
				 %s
				 "type": "Marketplace.Slurm", "shared": %s}
				""".formatted(name, customerUrl(), categoryUrl(), plans.isEmpty() ? "" : "\"plans\": " + plans + ",",
				shared);
	}

	JsonNode createOffering(String name, boolean shared, boolean withPlan) {
		Reply reply = post(owner(), "marketplace-provider-offerings/", offeringBody(name, shared,
				withPlan ? "[{\"name\": \"Default\", \"description\": \"Default plan\", \"unit\": \"month\"}]" : ""));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	JsonNode createUser(String username) {
		Reply reply = post(staff(), "users/", """
				{"username": "%s", "email": "%s@example.com", "is_staff": false, "is_active": true,
				 "agree_with_policy": true, "first_name": "test", "last_name": "user"}
				""".formatted(username, username));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A response as the client saw it.
	 *
	 * @param status status code
	 * @param headers headers
	 * @param body body text
	 */
	record Reply(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JsonMapper.shared().readTree(this.body);
		}

		@Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
