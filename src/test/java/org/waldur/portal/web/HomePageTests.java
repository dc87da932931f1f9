package org.waldur.portal.web;

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
 * The home page tells the starter when support completed their onboarding, says what an
 * empty list would hold, and links the glossary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HomePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@LocalServerPort
	int port;

	@Test
	void theStarterIsToldWhenSupportCompletedTheirOnboarding() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Home Finished", "home_finished_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.SUPPORT);
		String home = page("operator", "OPERATOR", "/");
		assertThat(home).contains("id=\"finished-for-me-" + id + "\"",
				"&#39;Home Finished&#39; was completed by support.", "Its token has not been shown");
		long own = driver.prepared("Home Own", "home_own_agent", OnboardingDriver.OPERATOR);
		driver.complete(own, OnboardingDriver.OPERATOR);
		assertThat(page("operator", "OPERATOR", "/")).doesNotContain("id=\"finished-for-me-" + own + "\"");
	}

	@Test
	void theSummaryNamesWaldurObjectsBeforeTheirIdsAndLinksNoApiUrl() throws Exception {
		OnboardingDriver driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		long id = driver.prepared("Home Names", "home_names_agent", OnboardingDriver.OPERATOR);
		driver.complete(id, OnboardingDriver.OPERATOR);
		for (String path : new String[] { "/onboarding/" + id + "/summary", "/desk/sessions/" + id }) {
			String page = page("support", "SUPPORT", path);
			assertThat(page).contains("<strong id=\"offering-name\">Home Names</strong>",
					"<code id=\"service-username\">home_names_agent</code>");
			assertThat(page.indexOf("id=\"offering-name\"")).isLessThan(page.indexOf("id=\"offering-uuid\""));
			assertThat(page).doesNotContainPattern("href=\"[^\"]*/api/(marketplace-provider-offerings|users)/");
		}
	}

	@Test
	void supportsEmptyListSaysWhatWouldAppearThereAndTheGlossaryIsLinked() throws Exception {
		String home = page("support", "SUPPORT", "/");
		assertThat(home).doesNotContain("No onboardings yet.").contains("id=\"glossary-link\"");
		assertThat(page("support", "SUPPORT", "/glossary")).contains("OFFERING.MANAGER", "Plugin options");
	}

	private String page(String name, String role, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(name).roles(role))).andReturn().getResponse().getContentAsString();
	}

}
