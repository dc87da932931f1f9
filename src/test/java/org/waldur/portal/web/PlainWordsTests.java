package org.waldur.portal.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages show plain words, not machine text: durations in words, codes as labels (the code
 * kept beside them), onboardings as "Onboarding #N".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PlainWordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@LocalServerPort
	int port;

	@Test
	void durationsAndCodesReadAsWords() {
		PlainWords words = new PlainWords();
		assertThat(words.duration(Duration.ZERO)).isEqualTo("no time");
		assertThat(words.seconds(3600)).isEqualTo("1 hour");
		assertThat(words.seconds(5400)).isEqualTo("1 hour 30 minutes");
		assertThat(words.duration(Duration.ofDays(2).plusSeconds(1))).isEqualTo("2 days 1 second");
		assertThat(words.label("SIGN_IN")).isEqualTo("Sign in");
		assertThat(words.label("OFFERING.MANAGER")).isEqualTo("Offering manager");
	}

	@Test
	void auditAndSummaryPagesShowNoRawCodes() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Plain Words Cluster", "plain_words_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);

		String audit = this.mvc.perform(get("/audit").param("session", String.valueOf(id)).with(auditor()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains(">Onboarding #" + id + "</a>")
			.doesNotContain(">session " + id + "<")
			.contains(">Inputs saved</span>");

		String trail = this.mvc.perform(get("/audit/sessions/" + id).with(auditor()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(trail).contains(">Service account</span>")
			.contains(">Succeeded</td>")
			.contains("<span id=\"session-status\">Completed</span>")
			.doesNotContain(">COMPLETED<");

		String summary = this.mvc
			.perform(get("/onboarding/" + id + "/summary").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(summary).doesNotContain("(sliding)");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor auditor() {
		return user("auditor").roles("AUDITOR");
	}

}
