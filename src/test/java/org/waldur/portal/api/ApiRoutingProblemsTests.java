package org.waldur.portal.api;

import org.junit.jupiter.api.Test;
import org.waldur.portal.security.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests under {@code /api/v1/} that no API handler takes are answered with the API's
 * problem details (they were Spring Boot's own error JSON); pages keep their error pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApiRoutingProblemsTests {

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	ApiClient api() {
		return new ApiClient(this.port, ApiTestTokens.issue(this.tokens, "operator", "routing").secret());
	}

	@Test
	void anUnknownApiPathIsA404Problem() {
		ApiClient.Answer answer = api().get("/api/v1/no-such-thing");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.type()).isEqualTo(ApiProblems.TYPE + "not-found");
		assertThat(answer.json().get("detail").asString()).contains("/api/v1/no-such-thing");
	}

	@Test
	void aMethodThePathDoesNotTakeIsA405ProblemNamingTheMethodsItTakes() {
		ApiClient.Answer answer = api().put("/api/v1/onboardings", "{}");
		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.type()).isEqualTo(ApiProblems.TYPE + "method-not-allowed");
		assertThat(answer.header("Allow")).contains("GET").contains("POST");
		assertThat(answer.json().get("detail").asString()).contains("PUT");
	}

	@Test
	void anUnknownPageIsStillThePagesOwn404() throws Exception {
		this.mvc.perform(get("/no-such-page").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andExpect((result) -> assertThat(String.valueOf(result.getResponse().getContentType()))
				.doesNotContain("problem+json"));
	}

}
