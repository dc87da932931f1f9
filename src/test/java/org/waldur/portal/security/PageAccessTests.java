package org.waldur.portal.security;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page by role: anonymous users are sent to sign in, wrong roles get 403, right
 * roles get the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	static Stream<Arguments> pages() {
		return Stream.of(Arguments.of("/", new Role[] { Role.OPERATOR, Role.SUPPORT, Role.AUDITOR, Role.ADMIN }),
				Arguments.of("/admin/accounts", new Role[] { Role.ADMIN }),
				Arguments.of("/actuator/info", new Role[] { Role.ADMIN }));
	}

	@ParameterizedTest
	@MethodSource("pages")
	void anonymousIsSentToSignIn(String path, Role[] allowed) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@MethodSource("pages")
	void eachRoleGetsThePageOrForbidden(String path, Role[] allowed) throws Exception {
		for (Role role : Role.values()) {
			boolean permitted = Stream.of(allowed).anyMatch(role::equals);
			this.mvc.perform(get(path).with(user("someone").roles(role.name())))
				.andExpect(permitted ? status().isOk() : status().isForbidden());
		}
	}

	@org.junit.jupiter.api.Test
	@WithMockUser(roles = "ADMIN")
	void accountDetailIsForAdminsOnly() throws Exception {
		long id = this.accounts.findByUsername("admin").orElseThrow().getId();
		this.mvc.perform(get("/admin/accounts/" + id)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/accounts/" + id).with(user("op").roles("OPERATOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/accounts/999999")).andExpect(status().isNotFound());
	}

	@org.junit.jupiter.api.Test
	void anHtmxRequestWithoutSessionIsToldToLoadTheSignInPage() throws Exception {
		this.mvc.perform(get("/onboarding").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Redirect", "/login"));
	}

	@org.junit.jupiter.api.Test
	void publicPagesNeedNoSignIn() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/assets/css/portal.css")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
	}

	@org.junit.jupiter.api.Test
	void pagesLinkContentVersionedAssetsServedOnlyUnderAssets() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher css = java.util.regex.Pattern.compile("/assets/css/portal-[0-9a-f]{32}\\.css")
			.matcher(page);
		org.assertj.core.api.Assertions.assertThat(css.find()).as("versioned stylesheet link").isTrue();
		this.mvc.perform(get(css.group())).andExpect(status().isOk());
		java.util.regex.Matcher js = java.util.regex.Pattern.compile("/assets/js/portal-[0-9a-f]{32}\\.js")
			.matcher(page);
		org.assertj.core.api.Assertions.assertThat(js.find()).as("versioned script link").isTrue();
		this.mvc.perform(get(js.group())).andExpect(status().isOk());
		// Static files are mapped to /assets/ only, not to every path of the portal.
		this.mvc.perform(get("/css/portal.css").with(user("op").roles("OPERATOR"))).andExpect(status().isNotFound());
	}

}
