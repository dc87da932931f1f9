package org.waldur.portal.waldur;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How the client turns Waldur's errors, time-outs and broken connections into its
 * exceptions, and when it retries.
 */
class WaldurClientErrorTests extends WaldurWireMockSupport {

	private static final String ACTIVATE = OFFERINGS + OFFERING_UUID + "/activate/";

	private static final String ADD_USER = OFFERINGS + OFFERING_UUID + "/add_user/";

	@Test
	void fieldErrorsOfA400AreKeyedByField() {
		WaldurRejectedException rejected = rejectOfferingWith(
				"{\"name\": [\"This field may not be blank.\"], \"customer\": [\"Invalid hyperlink - Object does not exist.\"]}");

		assertThat(rejected.fieldErrors()).containsOnlyKeys("name", "customer");
		assertThat(rejected.fieldErrors().get("customer"))
			.containsExactly("Invalid hyperlink - Object does not exist.");
		assertThat(rejected.globalErrors()).isEmpty();
		assertThat(rejected.getMessage()).startsWith("Waldur rejected creating the offering (400): ")
			.contains("name: This field may not be blank.");
		assertThat(rejected.exchange().status()).isEqualTo(400);
	}

	@Test
	void nestedObjectErrorsAreFlattenedToDottedPaths() {
		WaldurRejectedException rejected = rejectOfferingWith(
				"{\"plugin_options\": {\"username_generation_policy\": [\"\\\"x\\\" is not a valid choice.\"]}}");

		assertThat(rejected.fieldErrors()).containsExactly(org.assertj.core.api.Assertions
			.entry("plugin_options.username_generation_policy", List.of("\"x\" is not a valid choice.")));
	}

	@Test
	void errorsOfListItemsCarryTheIndex() {
		WaldurRejectedException rejected = rejectOfferingWith(
				"{\"components\": [{}, {\"billing_type\": [\"\\\"fixedd\\\" is not a valid choice.\"]}]}");

		assertThat(rejected.fieldErrors()).containsOnlyKeys("components[1].billing_type");
	}

	@Test
	void nonFieldErrorsAreGlobal() {
		wireMock.stubFor(post(urlPathEqualTo(ADD_USER))
			.willReturn(json(400, "{\"non_field_errors\": [\"User has already the same role in this scope.\"]}")));

		WaldurRejectedException rejected = catchThrowableOfType(WaldurRejectedException.class,
				() -> this.client.send(WaldurCalls.addOfferingUser(WaldurCredential.Kind.STAFF, OFFERING_UUID,
						USER_UUID, WaldurRole.OFFERING_MANAGER)));

		assertThat(rejected.globalErrors()).containsExactly("User has already the same role in this scope.");
		assertThat(rejected.fieldErrors()).isEmpty();
	}

	@Test
	void aBareTopLevelArrayIsGlobal() {
		wireMock.stubFor(post(urlPathEqualTo(ACTIVATE)).willReturn(json(400, "[\"Offering state is invalid.\"]")));

		WaldurRejectedException rejected = catchThrowableOfType(WaldurRejectedException.class,
				() -> this.client.send(WaldurCalls.activateOffering(OFFERING_UUID)));

		assertThat(rejected.globalErrors()).containsExactly("Offering state is invalid.");
		assertThat(rejected.getMessage())
			.isEqualTo("Waldur rejected activating the offering (400): Offering state is invalid.");
	}

	@Test
	void aPlainDetailStringIsGlobal() {
		WaldurRejectedException rejected = rejectOfferingWith(
				"{\"detail\": \"Blocked organization is not available.\"}");

		assertThat(rejected.globalErrors()).containsExactly("Blocked organization is not available.");
	}

	@Test
	void a401NamesTheCredentialKindAndWaldursDetail() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/"))
			.willReturn(json(401, "{\"detail\": \"Token has expired.\"}").withHeader("WWW-Authenticate", "Token")));

		assertThatExceptionOfType(WaldurAuthorizationException.class)
			.isThrownBy(() -> this.client.currentUser(WaldurCredential.staff()))
			.withMessage("Waldur refused the staff token (401: Token has expired.)")
			.satisfies((ex) -> assertThat(ex.credentialKind()).isEqualTo(WaldurCredential.Kind.STAFF));
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void a403SaysWhatTheCallNeedsAndWhichTokenWasRefused() {
		wireMock.stubFor(post(urlPathEqualTo(ADD_USER))
			.willReturn(json(403, "{\"detail\": \"You do not have permission to perform this action.\"}")));

		assertThatExceptionOfType(WaldurAuthorizationException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.addOfferingUser(WaldurCredential.Kind.ORGANISATION_OWNER,
					OFFERING_UUID, USER_UUID, WaldurRole.OFFERING_MANAGER), WaldurCredential.owner(OWNER_TOKEN)))
			.withMessage("Granting the offering role needs a staff token or the token of an owner of the organisation; "
					+ "Waldur refused the organisation-owner token (403: You do not have permission to perform this action.)");
	}

	@Test
	void a403OnActivateSaysItNeedsStaff() {
		wireMock.stubFor(post(urlPathEqualTo(ACTIVATE))
			.willReturn(json(403, "{\"detail\": \"You do not have permission to perform this action.\"}")));

		assertThatExceptionOfType(WaldurAuthorizationException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.activateOffering(OFFERING_UUID)))
			.withMessageStartingWith(
					"Activating the offering needs a staff token; Waldur refused the staff token (403");
	}

	@Test
	void a404IsNotFound() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/" + USER_UUID + "/token/"))
			.willReturn(json(404, "{\"detail\": \"No User matches the given query.\"}")));

		assertThatExceptionOfType(WaldurNotFoundException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.getToken(USER_UUID)))
			.withMessageContaining("No User matches the given query.")
			.satisfies((ex) -> assertThat(ex.exchange().status()).isEqualTo(404));
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/users/" + USER_UUID + "/token/")));
	}

	@Test
	void a500OnAPostIsUnavailableNotRetried() {
		wireMock.stubFor(post(urlPathEqualTo("/api/users/")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "text/html")
			.withBody("<h1>Server Error (500)</h1>")));

		assertThatExceptionOfType(WaldurUnavailableException.class).isThrownBy(this::createUser)
			.isNotInstanceOf(WaldurOutcomeUnknownException.class)
			.withMessageContaining("500")
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.satisfies((ex) -> assertThat(ex.exchange().responseBody()).isEqualTo("<h1>Server Error (500)</h1>"));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/users/")));
	}

	@Test
	void a500OnAGetIsRetriedTwiceThenUnavailable() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(500, "")));

		assertThatExceptionOfType(WaldurUnavailableException.class)
			.isThrownBy(() -> this.client.currentUser(WaldurCredential.staff()));
		wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void aGetIsRetriedAfter503AndThenSucceeds() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(json(503, "{\"detail\": \"Service unavailable\"}"))
			.willSetStateTo("recovered"));
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(json(200, fixture("user.json"))));

		WaldurResult<WaldurUser> result = this.client.currentUser(WaldurCredential.staff());

		assertThat(result.value().uuid()).isEqualTo(USER_UUID);
		assertThat(result.exchange().status()).isEqualTo(200);
		wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void a502Or504OnAPostLeavesTheOutcomeUnknown() {
		for (int status : new int[] { 502, 504 }) {
			wireMock.resetAll();
			wireMock.stubFor(post(urlPathEqualTo(ACTIVATE)).willReturn(aResponse().withStatus(status)));

			assertThatExceptionOfType(WaldurOutcomeUnknownException.class)
				.isThrownBy(() -> this.client.send(WaldurCalls.activateOffering(OFFERING_UUID)))
				.withMessageContaining("outcome of activating the offering is unknown")
				.withMessageContaining(String.valueOf(status))
				.satisfies((ex) -> assertThat(ex.exchange().status()).isEqualTo(status));
			wireMock.verify(1, postRequestedFor(urlPathEqualTo(ACTIVATE)));
		}
	}

	@Test
	void a502OnAGetIsRetriedAndMerelyUnavailable() {
		wireMock.stubFor(get(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/")).willReturn(aResponse().withStatus(502)));

		assertThatExceptionOfType(WaldurUnavailableException.class)
			.isThrownBy(() -> this.client.getOffering(WaldurCredential.staff(), OFFERING_UUID))
			.isNotInstanceOf(WaldurOutcomeUnknownException.class);
		wireMock.verify(3, getRequestedFor(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/")));
	}

	@Test
	void aReadTimeoutOnAPostLeavesTheOutcomeUnknown() {
		WaldurClient impatient = client(endpoint(), SHORT_READ_TIMEOUT);
		wireMock.stubFor(
				post(urlPathEqualTo("/api/users/")).willReturn(json(201, fixture("user.json")).withFixedDelay(1500)));

		assertThatExceptionOfType(WaldurOutcomeUnknownException.class)
			.isThrownBy(() -> impatient.send(WaldurCalls.createUser(new NewUser("agent", "agent@example.com", "", ""))))
			.withMessageContaining("did not answer within 300 ms")
			.satisfies((ex) -> assertThat(ex.exchange().status()).isNull())
			.satisfies((ex) -> assertThat(ex.exchange().requestBody()).contains("\"username\":\"agent\""));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/users/")));
	}

	@Test
	void aReadTimeoutOnAGetIsRetriedThenUnavailable() {
		WaldurClient impatient = client(endpoint(), SHORT_READ_TIMEOUT);
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, "{}").withFixedDelay(1000)));

		assertThatExceptionOfType(WaldurUnavailableException.class)
			.isThrownBy(() -> impatient.currentUser(WaldurCredential.staff()))
			.isNotInstanceOf(WaldurOutcomeUnknownException.class)
			.withMessageContaining("did not answer");
		wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/users/me/")));
	}

	@Test
	void aConnectionResetOnAPostLeavesTheOutcomeUnknown() {
		wireMock
			.stubFor(post(urlPathEqualTo(ADD_USER)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(WaldurOutcomeUnknownException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.addOfferingUser(WaldurCredential.Kind.STAFF, OFFERING_UUID,
					USER_UUID, WaldurRole.OFFERING_MANAGER)))
			.withMessageContaining("the connection to Waldur broke before its answer arrived")
			.withMessageNotContaining("Connection reset")
			.withMessageNotContaining("Exception");
		wireMock.verify(1, postRequestedFor(urlPathEqualTo(ADD_USER)));
	}

	@Test
	void anEmptyResponseOnAPostLeavesTheOutcomeUnknown() {
		wireMock.stubFor(post(urlPathEqualTo(ACTIVATE)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		assertThatExceptionOfType(WaldurOutcomeUnknownException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.activateOffering(OFFERING_UUID)));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo(ACTIVATE)));
	}

	@Test
	void aRefusedConnectionOnAPostIsUnavailableBecauseNothingWasSent() throws Exception {
		WaldurClient nowhere = client(
				new TestEndpoint(URI.create("http://localhost:" + closedPort() + "/api/"), STAFF_TOKEN, false));

		assertThatExceptionOfType(WaldurUnavailableException.class)
			.isThrownBy(() -> nowhere.send(WaldurCalls.activateOffering(OFFERING_UUID)))
			.isNotInstanceOf(WaldurOutcomeUnknownException.class)
			.withMessageStartingWith("Cannot reach Waldur while activating the offering")
			.satisfies((ex) -> assertThat(ex.exchange().status()).isNull());
	}

	@Test
	void aNonJsonErrorBodyIsAProtocolErrorKeepingTheRawBody() {
		wireMock.stubFor(post(urlPathEqualTo(OFFERINGS)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "text/html")
			.withBody("<html>Bad Request</html>")));

		assertThatExceptionOfType(WaldurProtocolException.class)
			.isThrownBy(() -> this.client
				.send(WaldurCalls.createOffering(WaldurCredential.Kind.STAFF, WaldurClientTests.offeringRequest())))
			.satisfies((ex) -> assertThat(ex.rawBody()).isEqualTo("<html>Bad Request</html>"));
	}

	@Test
	void invalidJsonOnSuccessOfAChangeLeavesItsOutcomeUnknownKeepingTheRawBody() {
		wireMock.stubFor(post(urlPathEqualTo(ACTIVATE)).willReturn(json(200, "{\"detail\": \"Offering state upd")));

		// Waldur answered 200: it has most likely activated the offering, so the next try
		// must look it up rather than count on nothing having happened.
		assertThatExceptionOfType(WaldurOutcomeUnknownException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.activateOffering(OFFERING_UUID)))
			.withMessageContaining("not valid JSON")
			.withMessageContaining("look it up in Waldur before trying again")
			.satisfies((ex) -> assertThat(ex.exchange().responseBody()).isEqualTo("{\"detail\": \"Offering state upd"));
	}

	@Test
	void anEmptyBodyWhereOneIsExpectedLeavesAChangeUnknownAndIsAProtocolErrorOfARead() {
		wireMock.stubFor(post(urlPathEqualTo("/api/users/")).willReturn(aResponse().withStatus(201)));
		assertThatExceptionOfType(WaldurOutcomeUnknownException.class).isThrownBy(this::createUser)
			.withMessageContaining("empty body")
			.withMessageContaining("answered 201");

		wireMock.stubFor(get(urlPathEqualTo("/api/users/")).willReturn(aResponse().withStatus(200)));
		assertThatExceptionOfType(WaldurProtocolException.class)
			.isThrownBy(() -> this.client.findUserByUsername("agent"))
			.withMessageContaining("empty body");
	}

	@Test
	void jsonOfTheWrongShapeIsAProtocolError() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/")).willReturn(json(200, "{\"results\": []}")));

		assertThatExceptionOfType(WaldurProtocolException.class)
			.isThrownBy(() -> this.client.findUserByUsername("agent"))
			.withMessageContaining("does not match");
	}

	@Test
	void rejectsMalformedUuidsBeforeCalling() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.send(WaldurCalls.activateOffering("../users")));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private WaldurRejectedException rejectOfferingWith(String body) {
		wireMock.stubFor(post(urlPathEqualTo(OFFERINGS)).willReturn(json(400, body)));
		WaldurRejectedException rejected = catchThrowableOfType(WaldurRejectedException.class, () -> this.client
			.send(WaldurCalls.createOffering(WaldurCredential.Kind.STAFF, WaldurClientTests.offeringRequest())));
		assertThat(rejected).isNotNull();
		wireMock.verify(1, postRequestedFor(urlPathEqualTo(OFFERINGS)));
		return rejected;
	}

	private WaldurResult<WaldurUser> createUser() {
		return this.client.send(WaldurCalls.createUser(new NewUser("agent", "agent@example.com", "", "")));
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
