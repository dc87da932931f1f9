package org.waldur.portal.sandbox;

import org.junit.jupiter.api.Test;
import org.waldur.portal.waldur.WaldurEndpoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a real Waldur configured, the sandbox does not exist.
 */
@SpringBootTest(
		properties = { "portal.waldur.url=http://127.0.0.1:9/api/", "portal.waldur.staff-token=abcdefabcdef1234" })
@AutoConfigureMockMvc
class SandboxRealModeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	@WithMockUser(roles = "ADMIN")
	void sandboxApiAndPageAreAbsent() throws Exception {
		this.mvc.perform(get("/sandbox/api/users/me/").header("Authorization", "Token abc"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/sandbox")).andExpect(status().isNotFound());
		assertThat(this.context.getBeanNamesForType(SandboxFaults.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(SandboxSeed.class)).isEmpty();
		assertThat(this.context.getBean(WaldurEndpoint.class).sandbox()).isFalse();
	}

}
