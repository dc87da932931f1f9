package org.waldur.portal.drills;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every date filter (the onboarding list, the audit search and its exports) answers a
 * date beyond what a database can hold with 400 and a message, never a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DateFilterDrillTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "from", "to" })
	void theOnboardingListRefusesDatesBeyondTheCalendarWithAFieldError(String field) throws Exception {
		for (String day : new String[] { "+999999999-12-31", "-999999999-01-01", "9999-12-31", "not-a-day" }) {
			this.mvc.perform(get("/onboarding").param(field, day).with(user("support").roles("SUPPORT")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"error-summary\"")))
				.andExpect(content().string(containsString("href=\"#" + field + "\"")));
		}
		this.mvc.perform(get("/onboarding").param(field, "2024-02-29").with(user("support").roles("SUPPORT")))
			.andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "from", "to" })
	void aRefusedDateStaysVisibleAsTypedBesideItsError(String field) throws Exception {
		// A browser empties a date field holding something else: the refused field is
		// text.
		assertThat(page("/onboarding", field, "not-a-day", "support", "SUPPORT"))
			.containsPattern("<input type=\"text\" id=\"" + field + "\"[^>]*value=\"not-a-day\"");
		assertThat(page("/audit", field, "yesterday", "auditor", "AUDITOR"))
			.containsPattern("<input type=\"text\"[^>]*id=\"" + field + "\"[^>]*value=\"yesterday\"");
		assertThat(page("/onboarding", field, "2024-02-29", "support", "SUPPORT"))
			.containsPattern("<input type=\"date\" id=\"" + field + "\"[^>]*value=\"2024-02-29\"");
	}

	private String page(String path, String field, String value, String username, String role) throws Exception {
		return this.mvc.perform(get(path).param(field, value).with(user(username).roles(role)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/audit", "/audit/export.csv", "/audit/export.jsonl" })
	void theAuditSearchRefusesDatesBeyondTheCalendar(String path) throws Exception {
		for (String field : new String[] { "from", "to" }) {
			for (String day : new String[] { "+999999999-12-31", "+999999999-12-31T23:59", "-999999999-01-01",
					"not-a-day" }) {
				this.mvc.perform(get(path).param(field, day).with(user("auditor").roles("AUDITOR")))
					.andExpect(status().isBadRequest());
			}
		}
	}

}
