package org.waldur.portal.onboarding;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurExchange;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurRequestPreview;
import org.waldur.portal.waldur.WaldurTestClients;
import org.waldur.portal.waldur.WaldurVersion;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every step's change call is defined once by its handler: the preview a user confirms
 * (built from the token's kind only) has the fingerprint of the call a run builds with
 * the token, and is exactly what the run sends. Plain unit tests against a WireMock
 * Waldur, without Spring.
 */
class StepHandlerCallsTests {

	private static final String OFFERING_UUID = "5f1c0a3a2b7e4d1c9a8b7c6d5e4f3a21";

	private static final String USER_UUID = "0b7c3a3e8c594e43b3f49f1f63a7c3d1";

	private static final String CUSTOMER_UUID = "c0ffee00c0ffee00c0ffee00c0ffee00";

	private static final String STAFF_TOKEN = "5taff00000aaaabbbbccccddddeeeeffff111122";

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static WireMockServer wireMock;

	private WaldurClient waldur;

	private StepExecutor executor;

	private Map<OnboardingStep, StepHandler<?>> handlers;

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
	void setUp() {
		wireMock.resetAll();
		this.waldur = WaldurTestClients.client(URI.create(api()), STAFF_TOKEN);
		List<StepHandler<?>> all = List.of(new OfferingStepHandler(this.waldur),
				new IntegrationStepHandler(this.waldur), new ActivationStepHandler(this.waldur),
				new ServiceAccountStepHandler(this.waldur), new ManagerRoleStepHandler(this.waldur),
				new TokenStepHandler(this.waldur), new KeepTokenStepHandler(this.waldur),
				new TokenRefreshStepHandler(this.waldur), new ServiceProviderStepHandler(this.waldur));
		this.executor = new StepExecutor(all, (OfferingStepHandler) all.get(0), this.waldur);
		this.handlers = new java.util.EnumMap<>(OnboardingStep.class);
		all.forEach((handler) -> this.handlers.put(handler.step(), handler));
	}

	@ParameterizedTest
	@EnumSource(OnboardingStep.class)
	void thePreviewNeedsOnlyTheKindOfTokenAndHasTheFingerprintOfTheCallSent(OnboardingStep step) {
		WaldurCredential credential = credential(step);
		WaldurRequestPreview preview = this.executor.preview(step, run(credential.kind(), null)).orElseThrow();

		WaldurRequest<?> call = this.handlers.get(step).call(run(credential.kind(), credential));

		assertThat(preview.credentialKind()).isEqualTo(credential.kind());
		assertThat(this.waldur.preview(call).fingerprint()).isEqualTo(preview.fingerprint());
	}

	@ParameterizedTest
	@EnumSource(OnboardingStep.class)
	void thePreviewIsWhatIsSent(OnboardingStep step) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, answer(step))));
		WaldurCredential credential = credential(step);
		WaldurRequestPreview preview = this.executor.preview(step, run(credential.kind(), null)).orElseThrow();

		WaldurExchange sent = send(this.handlers.get(step), run(credential.kind(), credential), credential);

		assertThat(sent.method()).isEqualTo(preview.method());
		assertThat(sent.url()).isEqualTo(preview.url());
		assertThat(sent.credentialKind()).isEqualTo(preview.credentialKind());
		if (preview.body() == null) {
			assertThat(sent.requestBody()).isNull();
		}
		else {
			assertThat(JSON.readTree(sent.requestBody())).isEqualTo(JSON.readTree(preview.body()));
		}
	}

	@Test
	void aRunSendsTheCallOfItsHandler() {
		wireMock.stubFor(get(urlPathEqualTo("/api/marketplace-provider-offerings/" + OFFERING_UUID + "/"))
			.willReturn(json(200, WaldurTestClients.fixture("offering.json"))));
		wireMock.stubFor(post(urlPathEqualTo("/api/marketplace-provider-offerings/" + OFFERING_UUID + "/activate/"))
			.willReturn(json(200, WaldurTestClients.fixture("detail-state.json"))));
		StepRun run = run(WaldurCredential.Kind.STAFF, WaldurCredential.staff());
		WaldurRequestPreview preview = this.executor.preview(OnboardingStep.ACTIVATION, run).orElseThrow();

		StepOutcome outcome = this.executor.execute(OnboardingStep.ACTIVATION, run, StepOutcome.calls());

		assertThat(outcome.outcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		WaldurExchange decisive = outcome.exchanges().get(outcome.exchanges().size() - 1);
		assertThat(decisive.method() + " " + decisive.url()).isEqualTo(preview.method() + " " + preview.url());
		assertThat(outcome.result()).isInstanceOf(StepResult.OfferingActivated.class);
	}

	@Test
	void aPreviewHoldsNoTokenAndCannotSend() {
		StepRun preview = run(WaldurCredential.Kind.ORGANISATION_OWNER, null);

		assertThatIllegalStateException().isThrownBy(preview::credential)
			.withMessage("A preview sends nothing and holds no token.");
		assertThat(this.executor.preview(OnboardingStep.OFFERING, preview).orElseThrow().authorization())
			.isEqualTo("Token ****** (organisation-owner token)");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void aPreviewIsEmptyWhileAnEarlierResultIsMissing() {
		StepRun early = new StepRun(WaldurCredential.Kind.STAFF, null, false, null, NOW, offering(), null, null, null,
				null, null, null, version());

		assertThat(this.executor.preview(OnboardingStep.ACTIVATION, early)).isEmpty();
		assertThat(this.executor.preview(OnboardingStep.OFFERING, early)).isPresent();
	}

	private <T> WaldurExchange send(StepHandler<T> handler, StepRun run, WaldurCredential credential) {
		return this.waldur.send(handler.call(run), credential).exchange();
	}

	/** The token each step goes with in these tests. */
	private static WaldurCredential credential(OnboardingStep step) {
		return switch (step.tokenChoice()) {
			case OWNER_OR_STAFF -> WaldurCredential.owner("0wner00000aaaabbbbccccddddeeeeffff111122");
			case SERVICE_ACCOUNT -> WaldurCredential.serviceAccount("a9e00000aaaabbbbccccddddeeeeffff11112222");
			case STAFF -> WaldurCredential.staff();
		};
	}

	private static String answer(OnboardingStep step) {
		return switch (step) {
			case OFFERING -> WaldurTestClients.fixture("offering.json");
			case INTEGRATION -> "";
			case ACTIVATION -> WaldurTestClients.fixture("detail-state.json");
			case SERVICE_ACCOUNT, KEEP_TOKEN -> WaldurTestClients.fixture("user.json");
			case MANAGER_ROLE -> WaldurTestClients.fixture("role-expiration.json");
			case TOKEN, TOKEN_REFRESH -> WaldurTestClients.fixture("user-auth-token.json");
			case SERVICE_PROVIDER -> "{\"uuid\": \"5e7f1c0a3a2b7e4d1c9a8b7c6d5e4f3a\", \"customer\": \"" + api()
					+ "customers/" + CUSTOMER_UUID + "/\"}";
		};
	}

	private static StepRun run(WaldurCredential.Kind kind, @Nullable WaldurCredential credential) {
		return new StepRun(kind, credential, false, null, NOW, offering(), IntegrationInput.defaults(),
				new AccountInput("alpha-hpc-agent", "agent@alpha.example.com", "Alpha", "Agent"), OFFERING_UUID,
				USER_UUID, null, 86400, version());
	}

	private static OfferingInput offering() {
		return new OfferingInput("Alpha HPC", "A test cluster", api() + "customers/" + CUSTOMER_UUID + "/",
				CUSTOMER_UUID, "Alpha", api() + "marketplace-categories/ca7e9000ca7e9000ca7e9000ca7e9000/", "HPC",
				List.of(new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", "month", 100,
						1)),
				List.of(new OfferingInput.Plan("Default", "Default plan", "month")), true);
	}

	private static WaldurVersion version() {
		return new WaldurVersion("8.0.5", "8.0.5", null, null, NOW);
	}

	private static String api() {
		return "http://localhost:" + wireMock.port() + "/api/";
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
