package org.waldur.portal.web;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Abandoning uses the one confirmation pattern of the portal (tick box and button, no
 * browser {@code confirm()}), with the same form on the summary page and the support
 * desk, and an unticked box is explained next to the box.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ConfirmationPatternTests {

	static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR");

	static final RequestPostProcessor SUPPORT = user("support").roles("SUPPORT");

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@LocalServerPort
	int port;

	@Test
	void anUntickedAbandonIsRefusedAndExplainedNextToTheBox() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Abandon", "confirm_abandon_agent", OnboardingDriver.OPERATOR);
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post("/onboarding/" + id + "/abandon").with(OPERATOR)
				.session(session)
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("reason", "Trying it out"))
			.andExpect(redirectedUrl("/onboarding/" + id + "/summary#abandon"))
			.andExpect(flash().attribute("abandonError", "Tick the box to confirm that this onboarding is given up."));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getStatus().isOpen()).isTrue();

		// How the refusal looks (next to the box, focused) is checked in Chromium by
		// AccessibilityBrowserTests.
		String page = this.mvc.perform(get("/onboarding/" + id + "/summary").with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("data-confirm");

		this.mvc
			.perform(post("/onboarding/" + id + "/abandon").with(OPERATOR)
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("reason", "Provider withdrew")
				.param("confirmed", "true"))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.containsString("abandoned")));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).getStatus().isOpen()).isFalse();
	}

	@Test
	void theDeskOffersTheSameAbandonForm() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Desk", "confirm_desk_agent", OnboardingDriver.OPERATOR);
		String desk = this.mvc.perform(get("/desk/sessions/" + id).with(SUPPORT))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String summary = this.mvc.perform(get("/onboarding/" + id + "/summary").with(SUPPORT))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String page : new String[] { desk, summary }) {
			assertThat(page).contains("id=\"abandon-form\"", "id=\"abandon-reason\"", "id=\"abandon-confirmed\"",
					"id=\"abandon-submit\"");
		}
	}

}
