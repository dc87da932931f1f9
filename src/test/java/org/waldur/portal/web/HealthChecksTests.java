package org.waldur.portal.web;

import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxCallLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health checks against the sandbox: many checks within the cache time make one Waldur
 * call, liveness is the process alone and readiness includes the database and Waldur.
 * (Whether the sandbox is UP depends on the other tests of this context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // shares the context of the other page tests
class HealthChecksTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SandboxCallLog calls;

	@Test
	void fiftyHealthChecksMakeAtMostOneWaldurCall() throws Exception {
		long before = this.calls.position();
		for (int i = 0; i < 50; i++) {
			this.mvc.perform(get("/actuator/health"));
		}
		assertThat(this.calls.count(before, (call) -> call.path().equals("users/me/"))).isLessThanOrEqualTo(1);
	}

	@Test
	void livenessIsUpAndReadinessIncludesDatabaseAndWaldur() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness").with(user("admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.waldur.status").exists())
			.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

}
