package org.waldur.portal.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may see the audit pages (AUDITOR and ADMIN) and that auditors can change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditAccessTests {

	private static final List<String> PAGES = List.of("/audit", "/audit/sessions/1", "/audit/export.csv",
			"/audit/export.jsonl");

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "OPERATOR", "SUPPORT" })
	void operatorsAndSupportAreForbidden(Role role) throws Exception {
		for (String page : PAGES) {
			this.mvc.perform(get(page).with(user("someone").roles(role.name()))).andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/audit/verify").with(csrf()).with(user("someone").roles(role.name())))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "AUDITOR", "ADMIN" })
	void auditorsAndAdminsSeeTheAuditPages(Role role) throws Exception {
		this.mvc.perform(get("/audit").with(user("reader").roles(role.name())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"audit-filter\"")));
		this.mvc.perform(post("/audit/verify").with(csrf()).with(user("reader").roles(role.name())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/audit"));
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		for (String page : PAGES) {
			this.mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void auditorsCannotChangeAnything() throws Exception {
		List<MockHttpServletRequestBuilder> changes = List.of(
				post("/admin/accounts").param("username", "sneaky").param("password", "password-123"),
				post("/admin/accounts/1/unlock"), post("/admin/sandbox/faults/clear"), post("/onboarding"));
		for (MockHttpServletRequestBuilder change : changes) {
			this.mvc.perform(change.with(csrf()).with(user("auditor").roles("AUDITOR")))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void theAuditLogHasNoWayToChangeEntries() throws Exception {
		for (MockHttpServletRequestBuilder change : List.of(post("/audit"), post("/audit/sessions/1"),
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/audit"),
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/audit"))) {
			this.mvc.perform(change.with(csrf()).with(user("admin").roles("ADMIN")))
				.andExpect(status().isMethodNotAllowed());
		}
	}

}
