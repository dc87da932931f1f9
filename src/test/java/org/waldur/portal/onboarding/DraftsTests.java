package org.waldur.portal.onboarding;

import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing is stored until the first save; drafts are named, listed as drafts, and can be
 * deleted (with the tick box, audited) while nothing of them reached Waldur.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DraftsTests {

	static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void newOnboardingStoresNothingUntilItsNameIsSaved() throws Exception {
		long before = sessions();
		String form = this.mvc.perform(get("/onboarding/new").with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("id=\"new-onboarding-form\"", "for=\"name\"");
		String refused = this.mvc.perform(post("/onboarding").param("name", "  ").with(OPERATOR).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"name-error\"", "aria-invalid=\"true\"", "There is a problem");
		assertThat(sessions()).isEqualTo(before);

		String offering = this.mvc
			.perform(post("/onboarding").param("name", "Draft Alpha cluster").with(OPERATOR).with(csrf()))
			.andExpect(redirectedUrlPattern("/onboarding/*/steps/offering"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(sessions()).isEqualTo(before + 1);
		assertThat(this.mvc.perform(get(offering).with(OPERATOR)).andReturn().getResponse().getContentAsString())
			.contains("value=\"Draft Alpha cluster\"");
		String home = this.mvc.perform(get("/").with(OPERATOR)).andReturn().getResponse().getContentAsString();
		String drafts = home.substring(home.indexOf("id=\"drafts\""), home.indexOf("id=\"started-heading\""));
		assertThat(drafts).contains("Draft Alpha cluster");
		assertThat(home).contains("href=\"/onboarding/new\"").doesNotContain("action=\"/onboarding\" method=\"post\"");
	}

	@Test
	void aDraftIsDeletedWithTheTickBoxAndTheAuditLogKeepsIt() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR, "Draft To Delete").getId();
		String summary = this.mvc.perform(get("/onboarding/" + id + "/summary").with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(summary).contains("id=\"delete-confirmed\"", "id=\"delete-draft\"");
		long version = this.onboarding.get(id, OnboardingDriver.OPERATOR).getVersion();
		this.mvc
			.perform(post("/onboarding/" + id + "/delete").param("version", String.valueOf(version))
				.with(OPERATOR)
				.with(csrf()))
			.andExpect(redirectedUrl("/onboarding/" + id + "/summary#delete-confirmed"))
			.andExpect(flash().attribute("confirmFor", "delete-confirmed"));
		assertThat(count("select count(*) from onboarding_session where id = ?", id)).isEqualTo(1);
		this.mvc
			.perform(post("/onboarding/" + id + "/delete").param("version", String.valueOf(version))
				.param("confirmed", "true")
				.with(OPERATOR)
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flashSuccess", "Draft 'Draft To Delete' deleted."));
		assertThat(count("select count(*) from onboarding_session where id = ?", id)).isZero();
		assertThat(count("select count(*) from audit_entry where session_id = ? and action = 'DRAFT_DELETED'", id))
			.isEqualTo(1);
	}

	@Test
	void anOnboardingThatSentARequestToWaldurCannotBeDeleted() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Draft Sent", "draft_sent_agent", OnboardingDriver.OPERATOR);
		driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		assertThat(this.mvc.perform(get("/onboarding/" + id + "/summary").with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("id=\"delete-draft\"");
		this.mvc
			.perform(post("/onboarding/" + id + "/delete").param("version", String.valueOf(driver.version(id)))
				.param("confirmed", "true")
				.with(OPERATOR)
				.with(csrf()))
			.andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("cannot be deleted")));
		assertThat(count("select count(*) from onboarding_session where id = ?", id)).isEqualTo(1);
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from onboarding_session").query(Long.class).single();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
