package org.waldur.portal.waldur;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * No token leaves the client: not in exchange records, exception messages,
 * {@code toString()} of the credential and token types, nor in any log line.
 */
class WaldurSecretMaskingTests extends WaldurWireMockSupport {

	private static final String AGENT_TOKEN = "4f0e1c2d3b4a5968778695a4b3c2d1e0f9e8d7c6";

	private final SecretMasking masking = new SecretMasking(WaldurJson.mapper());

	@Test
	void theTokenOfATokenResponseIsMaskedInTheExchangeButReturnedInTheValue() {
		wireMock.stubFor(post(urlPathEqualTo("/api/users/" + USER_UUID + "/refresh_token/"))
			.willReturn(json(201, fixture("user-auth-token.json"))));

		WaldurResult<UserAuthToken> result = this.client.send(WaldurCalls.refreshToken(USER_UUID));

		assertThat(result.value().token().value()).isEqualTo(AGENT_TOKEN);
		assertThat(result.exchange().responseBody()).contains("\"token\":\"******\"")
			.contains("\"user_username\":\"alpha-hpc-agent\"")
			.doesNotContain(AGENT_TOKEN);
		assertThat(result.toString()).doesNotContain(AGENT_TOKEN, STAFF_TOKEN);
		assertThat(result.value().toString()).doesNotContain(AGENT_TOKEN);
		assertThat(result.value().token()).hasToString("WaldurToken[******]");
	}

	@Test
	void theExchangeNeverHoldsTheAuthorizationHeaderOrTheTokenUsed() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json")
			.replace("\"description\": \"\"", "\"description\": \"sent " + OWNER_TOKEN + "\""))));

		WaldurExchange exchange = this.client.currentUser(WaldurCredential.owner(OWNER_TOKEN)).exchange();

		assertThat(exchange.toString()).doesNotContain(OWNER_TOKEN, STAFF_TOKEN, "Authorization")
			.contains("ORGANISATION_OWNER");
		assertThat(exchange.responseBody()).contains("sent ******");
	}

	@Test
	void exceptionMessagesAndRecordsNeverHoldTheToken() {
		wireMock.stubFor(post(urlPathEqualTo("/api/users/"))
			.willReturn(json(400, "{\"username\": [\"Token " + STAFF_TOKEN + " may not do this.\"]}")));

		WaldurRejectedException rejected = catchThrowableOfType(WaldurRejectedException.class,
				() -> this.client.send(WaldurCalls.createUser(new NewUser("agent", "agent@example.com", "", ""))));

		assertThat(rejected.getMessage()).doesNotContain(STAFF_TOKEN).contains("******");
		assertThat(rejected.fieldErrors().get("username")).singleElement().asString().doesNotContain(STAFF_TOKEN);
		assertThat(rejected.exchange().toString()).doesNotContain(STAFF_TOKEN);
	}

	@Test
	void authorizationFailuresDoNotQuoteTheToken() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/"))
			.willReturn(json(401, "{\"detail\": \"Invalid token " + OWNER_TOKEN + ".\"}")));

		WaldurAuthorizationException refused = catchThrowableOfType(WaldurAuthorizationException.class,
				() -> this.client.currentUser(WaldurCredential.owner(OWNER_TOKEN)));

		assertThat(refused.getMessage())
			.isEqualTo("Waldur refused the organisation-owner token (401: Invalid token ******.)");
	}

	@Test
	void credentialsAndTokensMaskThemselves() {
		assertThat(WaldurCredential.owner(OWNER_TOKEN).toString()).doesNotContain(OWNER_TOKEN)
			.contains("organisation-owner token");
		assertThat(WaldurCredential.staff()).hasToString("WaldurCredential[staff token ******]");
		assertThat(new WaldurToken(AGENT_TOKEN).toString()).doesNotContain(AGENT_TOKEN);
	}

	@Test
	void secretJsonFieldsAreMaskedAtAnyDepth() {
		String body = "{\"name\": \"keep\", \"password\": \"p4ss\", \"secret_options\": {\"api_key\": \"k3y\"},"
				+ " \"items\": [{\"refresh_token\": \"r3fresh\", \"token\": \"t0ken\", \"note\": \"fine\"}],"
				+ " \"api_token\": null}";

		String masked = this.masking.mask(body, List.of());

		assertThat(masked).doesNotContain("p4ss", "k3y", "r3fresh", "t0ken")
			.contains("\"name\":\"keep\"", "\"password\":\"******\"", "\"secret_options\":{\"api_key\":\"******\"}",
					"\"refresh_token\":\"******\"", "\"note\":\"fine\"", "\"api_token\":null");
	}

	@Test
	void secretsInNonJsonTextAreMaskedByPattern() {
		String text = "Authorization: Token abcdef0123456789 and {\"token\": \"t0ken\", \"password\": \"p4ss\"";

		String masked = this.masking.mask(text, List.of());

		assertThat(masked).doesNotContain("abcdef0123456789", "t0ken", "p4ss").contains("Token ******");
	}

	@Test
	void hugeBodiesAreTruncated() {
		String huge = "x".repeat(200_000);

		String masked = this.masking.mask(huge, List.of());

		assertThat(masked).hasSizeLessThan(SecretMasking.MAX_BODY_CHARS + 100).contains("truncated, 200000 characters");
	}

	@Test
	void noLogLineContainsAToken() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		List<Logger> loggers = List.of(logger("org.waldur.portal.waldur"), logger("org.springframework.web"),
				logger("org.springframework.http"), logger("reactor.netty"));
		List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
		root.addAppender(appender);
		loggers.forEach((logger) -> logger.setLevel(Level.TRACE));
		try {
			wireMock.stubFor(post(urlPathEqualTo("/api/users/" + USER_UUID + "/refresh_token/"))
				.willReturn(json(201, fixture("user-auth-token.json"))));
			wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(503, "")));
			this.client.send(WaldurCalls.refreshToken(USER_UUID));
			catchThrowableOfType(WaldurUnavailableException.class,
					() -> this.client.currentUser(WaldurCredential.owner(OWNER_TOKEN)));
		}
		finally {
			root.detachAppender(appender);
			for (int i = 0; i < loggers.size(); i++) {
				loggers.get(i).setLevel(levels.get(i));
			}
		}

		assertThat(appender.list).isNotEmpty();
		assertThat(appender.list).extracting(WaldurSecretMaskingTests::render)
			.allSatisfy((line) -> assertThat(line).doesNotContain(STAFF_TOKEN, OWNER_TOKEN, AGENT_TOKEN));
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch((line) -> line.contains("Waldur POST /api/users/" + USER_UUID + "/refresh_token/ -> 201"));
	}

	private static Logger logger(String name) {
		return (Logger) LoggerFactory.getLogger(name);
	}

	private static String render(ILoggingEvent event) {
		String thrown = (event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy())
				: "";
		return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + thrown;
	}

}
