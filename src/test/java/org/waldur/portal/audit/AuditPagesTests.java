package org.waldur.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The auditors' pages: search with paging links, the session trail with its step
 * attempts, and the integrity check.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSearchPageFollowsOlderLinksToTheLastPage() throws Exception {
		String actor = AuditTestSupport.uniqueActor("web");
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 55; i++) {
			times.add(Instant.parse("2033-03-03T00:00:00Z").plusSeconds(i));
		}
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor, times);

		MvcResult first = this.mvc.perform(get("/audit").param("actor", actor).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(view().name("audit/search"))
			.andExpect(content().string(containsString("id=\"entry-" + written.get(54).getId() + "\"")))
			.andExpect(content().string(not(containsString("id=\"newer\""))))
			.andReturn();
		AuditPage page = (AuditPage) first.getModelAndView().getModel().get("page");
		assertThat(page.entries()).hasSize(50);
		String olderHref = (String) first.getModelAndView().getModel().get("olderHref");
		assertThat(olderHref).startsWith("/audit?actor=" + actor).contains("before=");

		MvcResult last = this.mvc.perform(get(olderHref).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("olderHref", (Object) null))
			.andExpect(content().string(containsString("id=\"newer\"")))
			.andReturn();
		AuditPage lastPage = (AuditPage) last.getModelAndView().getModel().get("page");
		assertThat(lastPage.entries()).extracting(AuditEntry::getId)
			.containsExactly(written.get(4).getId(), written.get(3).getId(), written.get(2).getId(),
					written.get(1).getId(), written.get(0).getId());
	}

	@Test
	void theSearchFormFiltersByActionOutcomeAndTimeRange() throws Exception {
		String actor = AuditTestSupport.uniqueActor("form");
		Instant base = Instant.parse("2034-04-04T10:00:00Z");
		List<AuditEntry> written = AuditTestSupport.appendAll(this.log, this.transactions, actor,
				List.of(base, base.plusSeconds(3600), base.plusSeconds(7200)));
		MvcResult result = this.mvc
			.perform(get("/audit").param("actor", actor)
				.param("action", "SIGN_IN")
				.param("outcome", "SUCCESS")
				.param("from", "2034-04-04T10:30")
				.param("to", "2034-04-04T12:30")
				.with(auditor()))
			.andExpect(status().isOk())
			.andReturn();
		AuditPage page = (AuditPage) result.getModelAndView().getModel().get("page");
		assertThat(page.entries()).extracting(AuditEntry::getId)
			.containsExactly(written.get(2).getId(), written.get(1).getId());
		assertThat((String) result.getModelAndView().getModel().get("csvHref")).contains("outcome=SUCCESS")
			.contains("from=2034-04-04T10:30");

		this.mvc.perform(get("/audit").param("actor", actor).param("outcome", "DENIED").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-entries\"")));
	}

	@Test
	void theSessionTrailShowsEntriesAndStepAttemptsOldestFirst() throws Exception {
		long sessionId = this.jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from onboarding_session",
				Long.class);
		this.jdbc.update("insert into onboarding_session (id, title, status, current_step, created_by, created_at, "
				+ "updated_at, version) values (?, 'Trail test', 'IN_PROGRESS', 'OFFERING', 'op', current_timestamp, "
				+ "current_timestamp, 0)", sessionId);
		this.jdbc.update("insert into onboarding_step_attempt (session_id, step, attempt_no, actor, started_at, "
				+ "ended_at, outcome, http_method, url, request_body, response_status, response_body, duration_ms, "
				+ "message) values (?, 'OFFERING', 1, 'op', current_timestamp, current_timestamp, 'REJECTED', 'POST', "
				+ "'http://waldur/api/marketplace-provider-offerings/', '{\"name\":\"x\",\"token\":\"******\"}', 400, "
				+ "'{\"name\":[\"bad\"]}', 42, 'Waldur refused the offering')", sessionId);
		AuditEntry started = this.log.record(AuditRecord.session(AuditAction.SESSION_CREATED, AuditOutcome.SUCCESS,
				"op", sessionId, "Onboarding started"));
		AuditEntry attempted = this.log.record(AuditRecord.session(AuditAction.STEP_ATTEMPTED, AuditOutcome.FAILURE,
				"op", sessionId, "Step OFFERING attempt 1: Rejected"));

		String html = this.mvc.perform(get("/audit/sessions/" + sessionId).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(view().name("audit/session"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Trail test", "Waldur refused the offering", "<details", "42 ms",
				"{&quot;name&quot;:&quot;x&quot;,&quot;token&quot;:&quot;******&quot;}");
		assertThat(html.indexOf("entry-" + started.getId())).isLessThan(html.indexOf("entry-" + attempted.getId()));

		this.mvc.perform(get("/audit/sessions/987654320").with(auditor())).andExpect(status().isNotFound());
	}

	@Test
	void verifyReportsAnIntactChain() throws Exception {
		this.log.record(new AuditRecord(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, "someone", null, null, null, "x"));
		this.mvc.perform(post("/audit/verify").with(csrf()).with(auditor()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", containsString("intact: ")))
			.andExpect(flash().attribute("flashSuccess", containsString(" entries checked")));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor auditor() {
		return user("auditor").roles("AUDITOR");
	}

}
