package org.waldur.portal.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Error pages render in the layout without stack traces; health and info answer as
 * documented.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPagesAndOperationsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void unknownPageShowsTheNotFoundPage() throws Exception {
		MvcResult result = this.mvc.perform(get("/no-such-page").with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andReturn();
		// MockMvc does not forward to /error; render the error view the container would.
		this.mvc
			.perform(get("/error").with(user("op").roles("OPERATOR"))
				.requestAttr("jakarta.servlet.error.status_code", 404)
				.accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Not found")));
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void serverErrorPageHidesTheStackTrace() throws Exception {
		this.mvc
			.perform(get("/error").with(user("op").roles("OPERATOR"))
				.requestAttr("jakarta.servlet.error.status_code", 500)
				.requestAttr("jakarta.servlet.error.exception", new IllegalStateException("secret internals"))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(containsString("Something went wrong")))
			.andExpect(content().string(not(containsString("secret internals"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))))
			.andExpect(content().string(not(containsString("at org."))));
	}

	@Test
	void errorPagesNameTheRequestIdToQuoteToSupport() throws Exception {
		for (int status : new int[] { 403, 404, 500, 400 }) {
			this.mvc
				.perform(get("/error").with(user("op").roles("OPERATOR"))
					.requestAttr("jakarta.servlet.error.status_code", status)
					.header("X-Request-Id", "req-42-abc")
					.accept(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString("<code id=\"request-id\">req-42-abc</code>")));
		}
	}

	@Test
	void forbiddenPageExplainsTheRole() throws Exception {
		this.mvc
			.perform(get("/error").with(user("op").roles("OPERATOR"))
				.requestAttr("jakarta.servlet.error.status_code", 403)
				.accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("roles do not allow this page")));
	}

	@Test
	void healthShowsTheDatabaseToAdminsOnly() throws Exception {
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void adminsHaveAHealthPageNotRawJson() throws Exception {
		this.mvc.perform(get("/admin/health").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"h3 my-3\" id=\"health-heading\">")))
			.andExpect(content().string(containsString("id=\"check-database\"")))
			.andExpect(content().string(containsString("id=\"check-waldur\"")));
		this.mvc.perform(get("/admin/health").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("href=\"/admin/health\"")));
	}

	@Test
	void infoShowsVersionAndCommit() throws Exception {
		var result = this.mvc.perform(get("/actuator/info").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.build.version").isNotEmpty());
		if (Files.exists(Path.of("target/classes/git.properties"))) {
			result.andExpect(jsonPath("$.git.commit.id").isNotEmpty());
		}
	}

	@Test
	void layoutShowsVersionInTheFooter() throws Exception {
		this.mvc.perform(get("/").with(user("op").roles("OPERATOR")))
			.andExpect(content().string(containsString("id=\"portal-version\"")))
			.andExpect(content().string(containsString("id=\"sandbox-banner\"")))
			.andExpect(content().string(containsString("id=\"home-operator\"")))
			.andExpect(content().string(not(containsString("id=\"home-admin\""))));
	}

}
