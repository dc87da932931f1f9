package org.waldur.portal.waldur;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each change call is defined once in {@link WaldurCalls}: its preview is what is sent,
 * and its fingerprint is the one the former per-call preview methods gave (confirmations
 * and stored API idempotency keys carry it).
 */
class WaldurCallsTests extends WaldurWireMockSupport {

	private static final String CUSTOMER_URL = "https://waldur.example.com/api/customers/" + CUSTOMER_UUID + "/";

	/**
	 * Fingerprints of the previews as the client built them before the calls were defined
	 * once (same API root, same inputs).
	 */
	@Test
	void fingerprintsAreTheOnesConfirmedBefore() {
		WaldurClient fixed = client(
				new TestEndpoint(URI.create("https://waldur.example.com/api/"), STAFF_TOKEN, false));
		Map<String, WaldurRequest<?>> calls = new LinkedHashMap<>();
		calls.put("ec39bf6f7e219012babbdf36a2b4a5a3651051bb89efbcb43f84b15b9a33c2dd", WaldurCalls
			.createOffering(WaldurCredential.Kind.ORGANISATION_OWNER, WaldurClientTests.offeringRequest()));
		calls.put("7786fa0c54ba80402162c1fe44a713141cc42cd0bec56d777249629cdf1146ac", WaldurCalls.updateIntegration(
				WaldurCredential.Kind.ORGANISATION_OWNER, OFFERING_UUID, WaldurClientTests.pluginOptions(5000)));
		calls.put("1dedf85efa8de6fb69713f1ac3c4880084438b414fa36b4decd4822adbc0c00b",
				WaldurCalls.activateOffering(OFFERING_UUID));
		calls.put("df763a02881ad0a72d8ef84a9f8b825099ff27577164f9663164c13b0a615053",
				WaldurCalls.createUser(new NewUser("alpha-hpc-agent", "agent@alpha.example.com", "Alpha", "Agent")));
		calls.put("332b49c62f24d9ef9ae39b494b0b1f5ef65c704c7de5890c6babf25e4088f023", WaldurCalls
			.addOfferingUser(WaldurCredential.Kind.STAFF, OFFERING_UUID, USER_UUID, WaldurRole.OFFERING_MANAGER));
		calls.put("e5ecb420373ec4156ddcc7c177c46711b2ccc9604fcad3ad9d0181bd1d3f461f", WaldurCalls.getToken(USER_UUID));
		calls.put("757de3baa2c072711b97b8cab01103e2f1ff660a4ce1fef382c466d7b8bcfc3e",
				WaldurCalls.setTokenLifetime(WaldurCredential.Kind.SERVICE_ACCOUNT, USER_UUID, 3600));
		calls.put("d3c2cbc0b1af644f67f8e69c81c7620873c5b9225a6aa190d1c5deb39baac5e0",
				WaldurCalls.refreshToken(USER_UUID));
		calls.put("0f3f175df9375fa10f7788cb352c65bd7e3070ffe22fc15512163a805050ddb6",
				WaldurCalls.registerServiceProvider(CUSTOMER_URL));
		calls.forEach((fingerprint, call) -> assertThat(fixed.preview(call).fingerprint()).as(call.toString())
			.isEqualTo(fingerprint));
	}

	@Test
	void thePreviewIsWhatIsSent() {
		wireMock.stubFor(post(urlPathEqualTo(OFFERINGS)).willReturn(json(201, fixture("offering.json"))));
		WaldurRequest<Offering> call = WaldurCalls.createOffering(WaldurCredential.Kind.ORGANISATION_OWNER,
				WaldurClientTests.offeringRequest());

		WaldurRequestPreview preview = this.client.preview(call);
		WaldurExchange sent = this.client.send(call, WaldurCredential.owner(OWNER_TOKEN)).exchange();

		assertThat(sent.method()).isEqualTo(preview.method());
		assertThat(sent.url()).isEqualTo(preview.url());
		assertThat(sent.credentialKind()).isEqualTo(preview.credentialKind());
		JsonMapper json = WaldurJson.mapper();
		assertThat(json.readTree(sent.requestBody())).isEqualTo(json.readTree(preview.body()));
		assertThat(preview.authorization()).isEqualTo("Token ****** (organisation-owner token)");
	}

	@Test
	void aCallIsNotSentWithAnotherKindOfToken() {
		WaldurRequest<Offering> call = WaldurCalls.createOffering(WaldurCredential.Kind.ORGANISATION_OWNER,
				WaldurClientTests.offeringRequest());

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.send(call))
			.withMessage("Creating the offering goes with the organisation-owner token, not the staff token.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.send(WaldurCalls.activateOffering(OFFERING_UUID),
					WaldurCredential.serviceAccount("a-service-account-token")))
			.withMessage("Activating the offering goes with the staff token, not the service-account token.");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void aCallAnsweredWithoutABodyGivesNoContent() {
		wireMock.stubFor(
				post(urlPathEqualTo(OFFERINGS + OFFERING_UUID + "/update_integration/")).willReturn(json(200, "")));

		WaldurResult<NoContent> result = this.client.send(WaldurCalls.updateIntegration(WaldurCredential.Kind.STAFF,
				OFFERING_UUID, WaldurClientTests.pluginOptions(null)));

		assertThat(result.value()).isEqualTo(NoContent.INSTANCE);
		assertThat(result.exchange().status()).isEqualTo(200);
	}

}
