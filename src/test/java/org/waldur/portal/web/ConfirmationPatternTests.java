package org.waldur.portal.web;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.Account;
import org.waldur.portal.security.Accounts;

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

	@Autowired
	SandboxFaults faults;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Test
	void disablingAnAccountNeedsTheTickBoxNotABrowserPopUpAndIsNotOfferedForOnesOwn() throws Exception {
		Account auditor = this.accounts.findByUsername("auditor").orElseThrow();
		Cookies session = new Cookies();
		String page = page(get("/admin/accounts/" + auditor.getId()).with(ADMIN));
		assertThat(page).doesNotContain("data-confirm")
			.contains("id=\"disable-confirmed\"", "<title>Account auditor · Waldur Onboarding Portal</title>");
		this.mvc
			.perform(post("/admin/accounts/" + auditor.getId() + "/enabled").with(ADMIN)
				.with(session)
				.with(csrf())
				.param("enabled", "false"))
			.andDo(session.keep())
			.andExpect(redirectedUrl("/admin/accounts/" + auditor.getId() + "#access"))
			.andExpect(flash().attribute("confirmFor", "disable-confirmed"))
			.andExpect(flash().attribute("confirmError",
					"Tick the box to confirm that this account's user can no longer sign in."));
		assertThat(this.accounts.findByUsername("auditor").orElseThrow().isEnabled()).isTrue();
		String refused = page(get("/admin/accounts/" + auditor.getId()).with(ADMIN).with(session));
		assertThat(refused).contains("id=\"disable-confirmed-error\"", "aria-describedby=\"disable-confirmed-error\"");

		Account admin = this.accounts.findByUsername("admin").orElseThrow();
		String own = page(get("/admin/accounts/" + admin.getId()).with(ADMIN));
		assertThat(own).doesNotContain("id=\"disable-form\"").contains("id=\"self-disable-note\"");
	}

	@Test
	void theNewAccountFormTicksNoRole() throws Exception {
		String page = page(get("/admin/accounts").with(ADMIN));
		assertThat(page).contains("name=\"roles\"").doesNotContainPattern("name=\"roles\"[^>]*checked");
		assertThat(page).contains("<title>Portal accounts · Waldur Onboarding Portal</title>");
	}

	@Test
	void revealingTheTokenNeedsTheTickBoxAndAnUntickedOneShowsNothing() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Reveal", "confirm_reveal_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);
		String before = page(get("/onboarding/" + id + "/summary").with(OPERATOR));
		Cookies session = new Cookies();
		assertThat(before).contains("id=\"show-token-confirmed\"");
		this.mvc
			.perform(post("/onboarding/" + id + "/token/reveal").with(OPERATOR)
				.with(session)
				.with(csrf())
				.param("box", "show-token-confirmed"))
			.andDo(session.keep())
			.andExpect(redirectedUrl("/onboarding/" + id + "/summary#show-token-confirmed"))
			.andExpect(flash().attribute("confirmFor", "show-token-confirmed"));
		assertThat(this.onboarding.get(id, OnboardingDriver.OPERATOR).isServiceTokenDisplayed()).isFalse();
		String refused = page(get("/onboarding/" + id + "/summary").with(OPERATOR).with(session));
		assertThat(refused).contains("id=\"show-token-confirmed-error\"");
		this.mvc
			.perform(post("/onboarding/" + id + "/token/refresh").with(OPERATOR)
				.with(csrf())
				.param("version", String.valueOf(driver.version(id))))
			.andExpect(redirectedUrl("/onboarding/" + id + "/summary#confirm-refresh"))
			.andExpect(flash().attribute("confirmFor", "confirm-refresh"));
	}

	@Test
	void theCompletionPagesOnePrimaryActionIsTheHandOverAboveTheTokenRefresh() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Next", "confirm_next_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);
		String page = page(get("/onboarding/" + id + "/summary").with(OPERATOR));
		assertThat(page.split("btn btn-primary", -1)).as("primary buttons").hasSize(2);
		assertThat(page).contains("id=\"handover-next\"");
		assertThat(page.indexOf("btn btn-primary")).isLessThan(page.indexOf("id=\"handover-next\""));
		assertThat(page.indexOf("id=\"handover-next\"")).isLessThan(page.indexOf("id=\"refresh-token\""));
		assertThat(page).contains("class=\"btn btn-primary\" id=\"handover-next\"")
			.doesNotContain("class=\"btn btn-warning\" id=\"refresh-token\"");
	}

	@Test
	void aDeskReconcileNeedsTheTickBox() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Reconcile", "confirm_reconcile_agent", OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.ACTIVATION, OnboardingDriver.OPERATOR);
		this.faults.failWith("POST", "users/", 500, 1);
		try {
			driver.run(id, OnboardingStep.SERVICE_ACCOUNT, OnboardingDriver.OPERATOR);
		}
		finally {
			this.faults.clear();
		}
		assertThat(page(get("/desk/sessions/" + id).with(SUPPORT))).contains("id=\"reconcile-confirmed\"");
		Cookies session = new Cookies();
		this.mvc
			.perform(post("/desk/sessions/" + id + "/reconcile").with(SUPPORT)
				.with(session)
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("fingerprint", driver.fingerprint(id, OnboardingStep.SERVICE_ACCOUNT)))
			.andDo(session.keep())
			.andExpect(redirectedUrl("/desk/sessions/" + id + "#reconcile-confirmed"))
			.andExpect(flash().attribute("confirmFor", "reconcile-confirmed"));
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).step(OnboardingStep.SERVICE_ACCOUNT).getStatus())
			.isNotEqualTo(StepStatus.DONE);
		String refused = page(get("/desk/sessions/" + id).with(SUPPORT).with(session));
		assertThat(refused).contains("id=\"reconcile-confirmed-error\"");
	}

	@Test
	void anUntickedDownloadIsExplainedNextToItsBox() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Download", "confirm_download_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);
		Cookies session = new Cookies();
		String back = this.mvc
			.perform(post("/onboarding/" + id + "/agent/agent.env").with(OPERATOR).with(session).with(csrf()))
			.andDo(session.keep())
			.andExpect(flash().attribute("confirmFor", "env-confirmed"))
			.andExpect(flash().attribute("flashError", org.hamcrest.Matchers.nullValue()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(back).endsWith("#env-confirmed");
		String refused = page(
				get(java.net.URI.create(back.substring(0, back.indexOf('#')))).with(OPERATOR).with(session));
		this.mvc.perform(post("/onboarding/" + id + "/agent/config-with-token.yaml").with(OPERATOR).with(csrf()))
			.andExpect(flash().attribute("confirmFor", "token-confirmed"));
		assertThat(refused).contains("id=\"env-confirmed-error\"").doesNotContain("id=\"token-confirmed-error\"");
	}

	/**
	 * The portal keeps sessions in the database (Spring Session JDBC), so the flash of a
	 * redirect travels with the session cookie, not with a MockHttpSession.
	 */
	static final class Cookies implements RequestPostProcessor {

		private jakarta.servlet.http.Cookie[] cookies = new jakarta.servlet.http.Cookie[0];

		@Override
		public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
				org.springframework.mock.web.MockHttpServletRequest request) {
			if (this.cookies.length > 0) {
				request.setCookies(this.cookies);
			}
			return request;
		}

		org.springframework.test.web.servlet.ResultHandler keep() {
			return (result) -> {
				if (result.getResponse().getCookies().length > 0) {
					this.cookies = result.getResponse().getCookies();
				}
			};
		}

	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anUntickedAbandonIsRefusedAndExplainedNextToTheBox() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Confirm Abandon", "confirm_abandon_agent", OnboardingDriver.OPERATOR);
		Cookies session = new Cookies();
		this.mvc
			.perform(post("/onboarding/" + id + "/abandon").with(OPERATOR)
				.with(session)
				.with(csrf())
				.param("version", String.valueOf(driver.version(id)))
				.param("reason", "Trying it out"))
			.andDo(session.keep())
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
