package org.waldur.portal.desk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The desk list finds people by any part of their name, whatever the case; its heading
 * and tabs agree with the filter; it shows the sort order, how long each open onboarding
 * has not moved, and "Assigned to me"; a bad date is explained next to its field on every
 * list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DeskListTests {

	static final RequestPostProcessor SUPPORT = user("support").roles("SUPPORT");

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
	void peopleAreFoundByAnyPartOfTheirNameWhateverTheCase() throws Exception {
		long id = driver().prepared("Desk People", "desk_people_agent", OnboardingDriver.OPERATOR);
		assertThat(page(get("/onboarding").param("createdBy", "PERAT").param("q", "Desk People").with(SUPPORT)))
			.contains("id=\"session-" + id + "\"");
		assertThat(
				page(get("/onboarding").param("createdBy", "nobody-like-this").param("q", "Desk People").with(SUPPORT)))
			.doesNotContain("id=\"session-" + id + "\"");
		assertThat(page(get("/onboarding").with(SUPPORT))).contains("<datalist id=\"account-names\">",
				"<option value=\"operator\">");
	}

	@Test
	void needsAttentionHasItsOwnHeadingAndTab() throws Exception {
		String page = page(get("/onboarding").param("attention", "true").with(SUPPORT));
		assertThat(page).contains("Onboardings needing attention").doesNotContain(">All onboardings<");
		assertThat(page).containsPattern("data-status=\"NEEDS_ATTENTION\"[^>]*aria-current=\"page\"");
		assertThat(page).doesNotContainPattern("data-status=\"ALL\"[^>]*aria-current=\"page\"");
		// The box agrees with the heading.
		assertThat(page).containsPattern("<input type=\"checkbox\" id=\"attention\"[^>]*checked");
		assertThat(page(get("/onboarding").with(SUPPORT)))
			.doesNotContainPattern("<input type=\"checkbox\" id=\"attention\"[^>]*checked");
	}

	@Test
	void theSortedColumnSaysItsDirection() throws Exception {
		String page = page(get("/onboarding").with(SUPPORT));
		assertThat(page).containsPattern("aria-sort=\"descending\"><a[^>]*id=\"sort-updated\"");
		assertThat(page).containsPattern("aria-sort=\"none\"><a[^>]*id=\"sort-title\"");
		String byTitle = page(get("/onboarding").param("sort", "title").param("dir", "asc").with(SUPPORT));
		assertThat(byTitle).containsPattern("aria-sort=\"ascending\"><a[^>]*id=\"sort-title\"");
	}

	@Test
	void anOpenOnboardingShowsHowLongItHasNotMoved() throws Exception {
		long id = driver().prepared("Desk Stuck", "desk_stuck_agent", OnboardingDriver.OPERATOR);
		this.jdbc.sql("update onboarding_session set updated_at = ? where id = ?")
			.params(Instant.now().minus(3, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), id)
			.update();
		assertThat(page(get("/onboarding").param("q", "Desk Stuck").with(SUPPORT)))
			.containsPattern("id=\"stuck-" + id + "\">3 days<");
	}

	@Test
	void supportSeesWhatIsAssignedToThem() throws Exception {
		assertThat(page(get("/onboarding").with(SUPPORT))).contains("id=\"assigned-to-me\"",
				"href=\"/onboarding?assignee=support");
		String mine = page(get("/onboarding").param("assignee", "support").with(SUPPORT));
		assertThat(mine).contains("<h1 class=\"h3 mb-0\">Assigned to me</h1>");
	}

	@Test
	void aBadDateIsExplainedNextToItsFieldOnEveryList() throws Exception {
		String desk = page(get("/onboarding").param("from", "not-a-day").with(SUPPORT));
		assertThat(desk).contains("id=\"from-error\"", "aria-describedby=\"from-error\"", "There is a problem");
		String audit = page(get("/audit").param("to", "not-a-day").with(user("auditor").roles("AUDITOR")));
		assertThat(audit).contains("id=\"to-error\"", "aria-describedby=\"to-error\"", "There is a problem");
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private OnboardingDriver driver() {
		return new OnboardingDriver(this.onboarding, this.sandbox, this.port);
	}

}
