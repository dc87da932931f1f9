package org.waldur.portal.onboarding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
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
 * The step list marks the step being viewed, says each step's state in words, and a step
 * that cannot start yet says which step to do first instead of being a dead end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StepListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@LocalServerPort
	int port;

	@Test
	void aStepThatCannotStartYetSaysWhichStepToDoFirstAndIsMarkedAsViewed() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Step List", "step_list_agent", OnboardingDriver.OPERATOR);
		String page = this.mvc
			.perform(get("/onboarding/" + id + "/steps/service-account").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"cannot-start\"", "do step 1 first",
				"href=\"/onboarding/" + id + "/steps/offering\" class=\"alert-link\" id=\"blocked-by-link\"");
		assertThat(item(page, "service-account")).contains("aria-current=\"step\"", "step-viewed",
				"cannot start yet — do step 1 first");
		assertThat(item(page, "offering")).doesNotContain("aria-current")
			.contains("(next to do)")
			.doesNotContain("in progress");
		assertThat(item(page, "integration")).contains("cannot start yet — do step 1 first");

		String first = this.mvc
			.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).doesNotContain("id=\"cannot-start\"");
		assertThat(item(first, "offering")).contains("aria-current=\"step\"");
	}

	private static String item(String page, String slug) {
		Matcher matcher = Pattern.compile("<li[^>]*data-step=\"" + slug + "\"[^>]*>(.*?)</li>", Pattern.DOTALL)
			.matcher(page);
		assertThat(matcher.find()).as("step " + slug + " in the list").isTrue();
		return matcher.group();
	}

}
