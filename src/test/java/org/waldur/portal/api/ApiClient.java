package org.waldur.portal.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the portal's API over HTTP as a script would: a bearer token, JSON, and an
 * Idempotency-Key on every POST.
 */
final class ApiClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	ApiClient(int port, String token) {
		this.base = "http://127.0.0.1:" + port;
		this.token = token;
	}

	/** An answer: status, headers and the body as JSON (or null when empty). */
	record Answer(int status, HttpResponse<String> raw, @Nullable JsonNode json) {

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse("");
		}

		String type() {
			return (this.json != null && this.json.has("type")) ? this.json.get("type").asString() : "";
		}

	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), path);
	}

	Answer post(String path, String body) {
		return post(path, body, UUID.randomUUID().toString());
	}

	Answer post(String path, String body, @Nullable String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return send(request, path);
	}

	Answer put(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)), path);
	}

	private Answer send(HttpRequest.Builder request, String path) {
		if (!this.token.isEmpty()) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = (body == null || body.isBlank() || !body.strip().startsWith("{")) ? null
					: JSON.readTree(body);
			return new Answer(response.statusCode(), response, json);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Calling " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body of an onboarding with every input, for the sandbox's provider and HPC. */
	static String createBody(String name, String username, String customerUuid, String categoryUuid) {
		return """
				{"offering": {"name": "%s", "description": "A test cluster", "customerUuid": "%s",
				  "categoryUuid": "%s", "shared": true, "backendId": "cluster_a",
				  "components": [{"type": "node_hours", "name": "Node hours", "measuredUnit": "Node-hours",
				    "billingType": "usage", "limitPeriod": "month", "limitAmount": 100, "unitFactor": 1}],
				  "plans": [{"name": "Default", "description": "Default plan", "unit": "month"}]},
				 "integration": {"homedirPrefix": "/home/", "initialUidnumber": 5000, "initialUsergroupNumber": 6000,
				  "initialPrimarygroupNumber": 5000, "usernameAnonymizedPrefix": "waldur_",
				  "usernameGenerationPolicy": "waldur_username", "accountNameGenerationPolicy": "project_slug",
				  "supportsPausing": true, "supportsDownscaling": true, "serviceProviderCanCreateOfferingUser": true},
				 "serviceAccount": {"username": "%s", "email": "%s@example.org", "firstName": "Site",
				  "lastName": "Agent"},
				 "keepToken": {"expiry": "never"}}
				""".formatted(name, customerUuid, categoryUuid, username, username);
	}

}
