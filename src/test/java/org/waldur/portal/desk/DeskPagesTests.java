package org.waldur.portal.desk;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.WaldurClient;

import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditEntry;
import org.waldur.portal.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk pages over HTTP: the list with its filters and links, the session timeline
 * with hand-overs and notes, reconciling a failed step, and what each role may do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DeskPagesTests {

	static final RequestPostProcessor SUPPORT = user("support").roles("SUPPORT");

	static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

	static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR");

	static final RequestPostProcessor OTHER_OPERATOR = user("someone-else").roles("OPERATOR");

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WaldurClient waldur;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.sandbox, this.port);
		this.faults.clear();
	}

	@Test
	void listShowsCountsPagesAndKeepsTheFilterInItsLinks() throws Exception {
		DeskSeed seed = new DeskSeed(this.jdbc);
		Instant t = Instant.parse("2026-04-01T08:00:00Z");
		for (int i = 0; i < 12; i++) {
			seed.session("Paged %02d".formatted(i), (i < 9) ? OnboardingStatus.NEEDS_ATTENTION : OnboardingStatus.DRAFT,
					OnboardingStep.ACTIVATION, "operator", null, t.plusSeconds(i), t.plusSeconds(i), null, null);
		}
		this.mvc
			.perform(get("/onboarding").with(SUPPORT)
				.param("customer", seed.customerUuid)
				.param("status", "NEEDS_ATTENTION")
				.param("size", "4")
				.param("page", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("9–9 of 9")))
			.andExpect(content().string(containsString("Page 3 of 3")))
			.andExpect(content().string(containsString("Paged 00")))
			.andExpect(content().string(not(containsString("Paged 01"))))
			.andExpect(content().string(containsString("id=\"page-first\"")))
			.andExpect(content().string(not(containsString("id=\"page-next\""))))
			.andExpect(content().string(stringContainsInOrder("data-status=\"DRAFT\"", "3</span>",
					"data-status=\"NEEDS_ATTENTION\"", "9</span>", "data-status=\"COMPLETED\"", "0</span>")))
			.andExpect(content().string(containsString("/onboarding?status=NEEDS_ATTENTION&amp;customer="
					+ seed.customerUuid + "&amp;sort=updated&amp;dir=desc&amp;size=4&amp;page=2")));
		this.mvc.perform(get("/onboarding").with(SUPPORT).param("q", "no such thing anywhere").param("sort", "x;drop"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-sessions\"")));
	}

	@Test
	void operatorsListOnlyTheirOwnOnboardings() throws Exception {
		long mine = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.mvc.perform(get("/onboarding").with(OTHER_OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("My onboardings")))
			.andExpect(content().string(not(containsString("id=\"session-" + mine + "\""))));
		this.mvc.perform(get("/onboarding").with(OPERATOR).param("size", "100"))
			.andExpect(content().string(containsString("id=\"session-" + mine + "\"")));
		this.mvc.perform(get("/desk/sessions/" + mine).with(OTHER_OPERATOR)).andExpect(status().isNotFound());
		this.mvc.perform(post("/desk/sessions/" + mine + "/notes").with(OTHER_OPERATOR).with(csrf()).param("note", "x"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/desk/sessions/" + mine + "/notes").with(OPERATOR).with(csrf()).param("note", "mine"))
			.andExpect(redirectedUrl("/desk/sessions/" + mine));
	}

	@Test
	void auditorsReadTheTimelineButChangeNothing() throws Exception {
		long id = this.driver.prepared("Audited Cluster", "audited_cluster_agent", OnboardingDriver.OPERATOR);
		long version = this.driver.version(id);
		this.mvc.perform(get("/desk/sessions/" + id).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(not(containsString("id=\"handover\""))));
		for (String action : new String[] { "notes", "assign", "reconcile", "abandon" }) {
			this.mvc
				.perform(post("/desk/sessions/" + id + "/" + action).with(AUDITOR)
					.with(csrf())
					.param("note", "n")
					.param("assignee", "auditor")
					.param("reason", "r")
					.param("confirmed", "true")
					.param("version", String.valueOf(version)))
				.andExpect(status().isForbidden());
		}
		OnboardingSession after = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(after.getStatus()).isEqualTo(OnboardingStatus.DRAFT);
		assertThat(after.getAssignee()).isEqualTo("operator");
		assertThat(this.jdbc.sql("select count(*) from onboarding_note where session_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void handOversNotesAndAbandonAppearInTheTimelineBetweenAttempts() throws Exception {
		long id = this.driver.prepared("Timeline Cluster", "timeline_cluster_agent", OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		this.mvc.perform(post("/desk/sessions/" + id + "/assign").with(SUPPORT).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "Assigned to you."));
		this.mvc
			.perform(post("/desk/sessions/" + id + "/assign").with(SUPPORT)
				.with(csrf())
				.param("assignee", "nobody-like-this")
				.param("note", "x"))
			.andExpect(flash().attribute("flashError", containsString("Choose an enabled support or operator")));
		this.mvc
			.perform(post("/desk/sessions/" + id + "/assign").with(SUPPORT)
				.with(csrf())
				.param("assignee", "operator")
				.param("note", "Please finish the integration step"))
			.andExpect(flash().attribute("flashSuccess", "Handed over to operator."));
		this.mvc.perform(post("/desk/sessions/" + id + "/notes").with(SUPPORT).with(csrf()).param("note", "  "))
			.andExpect(flash().attribute("flashError", containsString("Write a note")));
		this.mvc.perform(
				post("/desk/sessions/" + id + "/notes").with(SUPPORT).with(csrf()).param("note", "Called the operator"))
			.andExpect(redirectedUrl("/desk/sessions/" + id));
		long version = this.driver.version(id);
		this.mvc
			.perform(post("/desk/sessions/" + id + "/abandon").with(SUPPORT)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("reason", "Duplicate"))
			.andExpect(flash().attribute("abandonError", containsString("Tick the box")));
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getStatus().isOpen()).isTrue();
		this.mvc
			.perform(post("/desk/sessions/" + id + "/abandon").with(SUPPORT)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("reason", "Duplicate of another onboarding")
				.param("confirmed", "true"))
			.andExpect(flash().attribute("flashSuccess", containsString("abandoned")));
		this.mvc.perform(get("/desk/sessions/" + id).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(stringContainsInOrder("data-kind=\"ATTEMPT\" data-outcome=\"SUCCEEDED\"",
					"data-kind=\"HANDOVER\"", "to support", "data-kind=\"HANDOVER\"", "to operator",
					"Please finish the integration step", "data-kind=\"NOTE\"", "Called the operator",
					"data-kind=\"ABANDON\"", "Duplicate of another onboarding")))
			.andExpect(content().string(containsString("marketplace-provider-offerings/")));
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getStatus()).isEqualTo(OnboardingStatus.ABANDONED);
		assertThat(this.auditLog.sessionTrail(id)).extracting(AuditEntry::getAction)
			.contains(AuditAction.SESSION_ASSIGNED, AuditAction.SESSION_NOTE_ADDED, AuditAction.SESSION_ABANDONED);
	}

	@Test
	void reconcileNowRunsTheFailedStepAgainAndShowsTheResult() throws Exception {
		long id = this.driver.prepared("Reconciled Cluster", "reconciled_cluster_agent", OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR);
		this.driver.run(id, OnboardingStep.ACTIVATION, OnboardingDriver.OPERATOR);
		this.faults.failWith("POST", "users/", 500, 1);
		this.driver.run(id, OnboardingStep.SERVICE_ACCOUNT, OnboardingDriver.OPERATOR);
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getStatus())
			.isEqualTo(OnboardingStatus.NEEDS_ATTENTION);
		// The desk shows the request before anything is sent, as the wizard does.
		this.mvc.perform(get("/desk/sessions/" + id).with(SUPPORT))
			.andExpect(content().string(containsString("Check Waldur and continue step 4, Service account")))
			.andExpect(content().string(containsString("id=\"reconcile-preview\"")))
			.andExpect(content().string(containsString("/sandbox/api/users/")))
			.andExpect(content().string(
					containsString("value=\"" + this.driver.fingerprint(id, OnboardingStep.SERVICE_ACCOUNT) + "\"")));
		this.mvc
			.perform(post("/desk/sessions/" + id + "/reconcile").with(SUPPORT)
				.with(csrf())
				.param("confirmed", "true")
				.param("version", String.valueOf(this.driver.version(id))))
			.andExpect(redirectedUrl("/desk/sessions/" + id))
			.andExpect(flash().attribute("flashError", containsString("changed since you reviewed it")));
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).step(OnboardingStep.SERVICE_ACCOUNT).getStatus())
			.isNotEqualTo(StepStatus.DONE);
		this.mvc
			.perform(post("/desk/sessions/" + id + "/reconcile").with(SUPPORT)
				.with(csrf())
				.param("confirmed", "true")
				.param("version", String.valueOf(this.driver.version(id)))
				.param("fingerprint", this.driver.fingerprint(id, OnboardingStep.SERVICE_ACCOUNT)))
			.andExpect(redirectedUrl("/desk/sessions/" + id))
			.andExpect(flash().attribute("flashSuccess", containsString("Service account: ")));
		OnboardingSession after = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(after.step(OnboardingStep.SERVICE_ACCOUNT).getStatus()).isEqualTo(StepStatus.DONE);
		assertThat(after.getStatus()).isEqualTo(OnboardingStatus.IN_PROGRESS);
		this.mvc
			.perform(post("/desk/sessions/" + id + "/reconcile").with(SUPPORT)
				.with(csrf())
				.param("confirmed", "true")
				.param("version", String.valueOf(this.driver.version(id))))
			.andExpect(flash().attribute("flashError", containsString("No step of this onboarding failed")));
	}

	@Test
	void duplicateOfferingsAreListedAndOnlySupportChoosesTheOneToKeep() throws Exception {
		long id = this.driver.withDuplicateOfferings("Twin Cluster", "twin_cluster_agent", this.faults, this.waldur);
		java.util.List<String> uuids = this.jdbc
			.sql("select uuid from sandbox_offering where name = ? order by created, uuid")
			.param("Twin Cluster")
			.query(String.class)
			.list();
		assertThat(uuids).hasSize(2);
		String kept = uuids.get(1);
		String other = uuids.get(0);
		String page = "/desk/sessions/" + id;
		// Operators see what Waldur holds, but the choice is support's.
		this.mvc.perform(get(page).with(OPERATOR).param("keep", kept))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waldur holds 2 offerings named")))
			.andExpect(content().string(stringContainsInOrder("id=\"offering-choice\"", other, kept)))
			.andExpect(content().string(containsString("Support staff choose which one")))
			.andExpect(content().string(not(containsString("id=\"confirm-offering-choice\""))))
			.andExpect(content().string(not(containsString("id=\"keep-" + kept + "\""))));
		this.mvc.perform(get(page).with(SUPPORT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"keep-" + kept + "\"")))
			.andExpect(content().string(containsString("id=\"keep-" + other + "\"")))
			.andExpect(content().string(not(containsString("id=\"confirm-offering-choice\""))));
		this.mvc.perform(get(page).with(SUPPORT).param("keep", kept))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-offering-choice\"")))
			.andExpect(content().string(containsString("Confirm: keep offering " + kept)))
			.andExpect(content().string(containsString("value=\"" + kept + "\"")));
		String choice = page + "/offering-choice";
		for (org.springframework.test.web.servlet.request.RequestPostProcessor who : java.util.List.of(OPERATOR,
				AUDITOR)) {
			this.mvc
				.perform(post(choice).with(who)
					.with(csrf())
					.param("version", String.valueOf(this.driver.version(id)))
					.param("offering", kept))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post(choice).with(SUPPORT)
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("offering", "00000000000000000000000000000000"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashError", containsString("not one of the offerings")));
		this.mvc
			.perform(post(choice).with(SUPPORT)
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id) - 1))
				.param("offering", kept))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashError", containsString("changed since you opened the page")));
		assertThat(this.onboarding.get(id, OnboardingDriver.SUPPORT).getOfferingUuid()).isNull();
		this.mvc
			.perform(post(choice).with(SUPPORT)
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("offering", kept))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("flashSuccess", containsString(kept)));
		OnboardingSession after = this.onboarding.get(id, OnboardingDriver.SUPPORT);
		assertThat(after.getOfferingUuid()).isEqualTo(kept);
		assertThat(after.step(OnboardingStep.OFFERING).getStatus()).isEqualTo(StepStatus.DONE);
		this.mvc
			.perform(post(choice).with(SUPPORT)
				.with(csrf())
				.param("version", String.valueOf(this.driver.version(id)))
				.param("offering", other))
			.andExpect(flash().attribute("flashError", containsString("no longer waits")));
		this.mvc.perform(get(page).with(OPERATOR))
			.andExpect(content().string(not(containsString("id=\"offering-choice\""))))
			.andExpect(content().string(stringContainsInOrder("id=\"offering-uuid\"", kept, "id=\"left-in-waldur\"",
					"Left in Waldur for clean-up", other)));
	}

}
