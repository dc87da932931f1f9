package org.waldur.portal.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each kind of injected fault, as a plain HTTP client sees it.
 */
class SandboxFaultsTests extends SandboxTestSupport {

	@Test
	void failWithStatusAnswersWithoutApplyingAndCountsDown() {
		this.faults.failWith("POST", "users/", 400, 1);
		String username = unique("fail-");
		Reply failed = post(staff(), "users/", userBody(username));
		assertThat(failed.status()).isEqualTo(400);
		assertThat(failed.body()).isEqualTo("{\"non_field_errors\":[\"Injected sandbox fault.\"]}");
		assertThat(get(staff(), "users/?username=" + username).json()).isEmpty();
		assertThat(this.faults.active()).isEmpty();
		assertThat(post(staff(), "users/", userBody(username)).status()).isEqualTo(201);
	}

	@Test
	void serverErrorsLookLikeDjangoAndTheProxy() {
		this.faults.failWith("*", "customers/", 500, 1);
		this.faults.failWith("GET", "customers/", 504, 1);
		Reply server = get(staff(), "customers/");
		assertThat(server.status()).isEqualTo(500);
		assertThat(server.header("Content-Type")).startsWith("text/html");
		assertThat(server.body()).contains("Server Error (500)");
		Reply gateway = get(staff(), "customers/");
		assertThat(gateway.status()).isEqualTo(504);
		assertThat(gateway.body()).contains("504 Gateway Time-out");
		assertThat(get(staff(), "customers/").status()).isEqualTo(200);
	}

	@Test
	void unauthorizedFaultCarriesTheChallenge() {
		this.faults.failWith("GET", "users/me/", 401, 1);
		Reply reply = get(staff(), "users/me/");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Token");
	}

	@Test
	void aDelayedCallLandsLateAlsoWhenTheClientHasGivenUp() throws Exception {
		this.faults.delay("POST", "users/", Duration.ofSeconds(3), 1);
		String username = unique("slow-");
		HttpRequest request = request("users/", staff(), userBody(username), Duration.ofMillis(500));
		HttpClient client = HttpClient.newHttpClient();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
		// Waldur is still working on it: a look-up right after the time-out finds
		// nothing.
		assertThat(get(staff(), "users/?username=" + username).json()).isEmpty();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (get(staff(), "users/?username=" + username).json().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(get(staff(), "users/?username=" + username).json()).hasSize(1);
	}

	@Test
	void aDelayedCallThatTheClientWaitsForAnswersAsUsualOnceApplied() throws Exception {
		this.faults.delay("POST", "users/", Duration.ofSeconds(2), 1);
		String username = unique("waited-");
		HttpRequest request = request("users/", staff(), userBody(username), Duration.ofSeconds(30));
		long started = System.nanoTime();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		assertThat(answer.body()).contains(username);
		assertThat(get(staff(), "users/?username=" + username).json()).hasSize(1);

		this.faults.delay("POST", "marketplace-provider-offerings/", Duration.ofSeconds(2), 1);
		String name = unique("waited-");
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(request("marketplace-provider-offerings/", owner(), offeringBody(name, true, ""),
					Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains(name);
	}

	@Test
	void dropBreaksTheConnectionWithoutApplying() {
		this.faults.dropConnection("POST", "*/add_user/", 1);
		String offering = createOffering(unique("drop-"), true, true).get("uuid").stringValue();
		String user = createUser(unique("drop-")).get("uuid").stringValue();
		HttpRequest request = request("marketplace-provider-offerings/" + offering + "/add_user/", owner(),
				addUserBody(user), Duration.ofSeconds(10));
		HttpClient client = HttpClient.newHttpClient();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
			.isNotInstanceOf(HttpTimeoutException.class);
		assertThat(get(owner(), "marketplace-provider-offerings/" + offering + "/list_users/").json()).isEmpty();
	}

	@Test
	void applyThenFailLeavesTheObjectBehindTheError() {
		this.faults.applyThenFail("POST", "*/add_user/", 502, 1);
		String offering = createOffering(unique("amb-"), true, true).get("uuid").stringValue();
		String user = createUser(unique("amb-")).get("uuid").stringValue();
		String path = "marketplace-provider-offerings/" + offering + "/add_user/";
		Reply reply = post(owner(), path, addUserBody(user));
		assertThat(reply.status()).isEqualTo(502);
		Reply roles = get(owner(), "marketplace-provider-offerings/" + offering + "/list_users/?user=" + user);
		assertThat(roles.json()).hasSize(1);
		assertThat(post(owner(), path, addUserBody(user)).status()).as("a retry meets the duplicate").isEqualTo(400);
	}

	@Test
	void faultsCanBeClearedAndAreValidated() {
		this.faults.failWith("GET", "customers/", 500, 3);
		assertThat(this.faults.active()).singleElement().satisfies((fault) -> {
			assertThat(fault.remaining()).isEqualTo(3);
			assertThat(fault.matches("GET", "customers/")).isTrue();
			assertThat(fault.matches("GET", "customers/x/")).isFalse();
		});
		this.faults.clear();
		assertThat(get(staff(), "customers/").status()).isEqualTo(200);
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.failWith("GET", "x/", 200, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.failWith("GET", "x/", 500, 0));
	}

	private static String userBody(String username) {
		return "{\"username\": \"" + username + "\", \"email\": \"" + username + "@example.com\"}";
	}

	private static String addUserBody(String userUuid) {
		return "{\"role\": \"OFFERING.MANAGER\", \"user\": \"" + userUuid + "\"}";
	}

	/** A JSON POST to the sandbox's API with a token, given up after {@code timeout}. */
	private HttpRequest request(String path, String token, String body, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(api(path)))
			.timeout(timeout)
			.header("Authorization", "Token " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
