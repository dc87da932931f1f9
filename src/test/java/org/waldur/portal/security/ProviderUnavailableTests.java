package org.waldur.portal.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A provider that cannot be reached: the portal starts anyway, local accounts sign in,
 * and "Sign in with" ends on a page that says so instead of an error.
 */
@SpringBootTest(properties = { "portal.sign-in.oidc.issuer-uri=http://127.0.0.1:9/realms/gone",
		"portal.sign-in.oidc.client-id=portal", "portal.sign-in.oidc.role-map=portal-admins=ADMIN",
		"portal.sign-in.oidc.provider-name=Gone IdP" })
@AutoConfigureMockMvc
class ProviderUnavailableTests {

	@Autowired
	MockMvc mvc;

	@Test
	void signInWithTheProviderSaysItIsUnavailableAndLocalAccountsStillSignIn() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/oidc"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login/refused?reason=unavailable"));
		this.mvc.perform(get("/login/refused").param("reason", "unavailable"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Sign-in is not available right now")));
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("Sign in with Gone IdP")))
			.andExpect(header().string("Content-Security-Policy",
					containsString("form-action 'self' http://127.0.0.1:9;")));
		this.mvc.perform(formLogin().user("admin").password("test-admin-password")).andExpect(authenticated());
	}

}
