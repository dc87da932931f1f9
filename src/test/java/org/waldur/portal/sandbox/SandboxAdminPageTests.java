package org.waldur.portal.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrators' sandbox page.
 */
class SandboxAdminPageTests extends SandboxTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminSeesTokensSeededObjectsAndFaults() throws Exception {
		this.faults.failWith("POST", "users/", 500, 2);
		this.mvc.perform(MockMvcRequestBuilders.get("/admin/sandbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(staff())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(owner())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(SandboxSeed.PROVIDER_CUSTOMER)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.seed.categoryUuid("Storage"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sandbox")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Fail with status")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void operatorIsForbidden() throws Exception {
		this.mvc.perform(MockMvcRequestBuilders.get("/admin/sandbox")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminAddsAndClearsFaults() throws Exception {
		this.mvc
			.perform(MockMvcRequestBuilders.post("/admin/sandbox/faults")
				.with(csrf())
				.param("method", "POST")
				.param("pathPattern", "*/add_user/")
				.param("kind", "APPLY_THEN_FAIL")
				.param("status", "504")
				.param("delayMillis", "0")
				.param("count", "2"))
			.andExpect(redirectedUrl("/admin/sandbox"));
		assertThat(this.faults.active()).singleElement().satisfies((fault) -> {
			assertThat(fault.kind()).isEqualTo(FaultKind.APPLY_THEN_FAIL);
			assertThat(fault.status()).isEqualTo(504);
			assertThat(fault.remaining()).isEqualTo(2);
		});
		this.mvc
			.perform(MockMvcRequestBuilders.post("/admin/sandbox/faults")
				.with(csrf())
				.param("method", "POST")
				.param("count", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("fault-errors")));
		this.mvc.perform(MockMvcRequestBuilders.post("/admin/sandbox/faults/clear").with(csrf()))
			.andExpect(redirectedUrl("/admin/sandbox"));
		assertThat(this.faults.active()).isEmpty();
	}

}
