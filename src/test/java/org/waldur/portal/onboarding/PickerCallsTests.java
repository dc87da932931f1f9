package org.waldur.portal.onboarding;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which page views call Waldur for the offering step's pickers: only the editable
 * offering step, from a short-lived cache, and a search when the user asks; never
 * read-only views. Counted with the sandbox's call log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // shares the context of the other page tests
class PickerCallsTests {

	/** What a page may wait for Waldur: two page-time reads of 2 s each, no retries. */
	static final Duration PAGE_BUDGET = Duration.ofSeconds(4);

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	SandboxFaults faults;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	@Test
	void anAuditorsViewOfTheOfferingStepCallsNoWaldur() throws Exception {
		long id = this.driver.prepared("Audited Pickers", "audited_pickers", OnboardingDriver.OPERATOR);
		long before = this.calls.position();
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only\"")));
		assertThat(this.calls.since(before)).isEmpty();
	}

	@Test
	void theInputsOfACompletedOnboardingShowWithoutCallingWaldur() throws Exception {
		long id = this.driver.prepared("Completed Pickers", "completed_pickers", OnboardingDriver.OPERATOR);
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		long before = this.calls.position();
		for (OnboardingStep step : OnboardingStep.wizard()) {
			this.mvc
				.perform(get("/onboarding/" + id + "/steps/" + step.slug()).with(user("operator").roles("OPERATOR")))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/onboarding/" + id + "/summary").with(user("support").roles("SUPPORT")))
			.andExpect(status().isOk());
		assertThat(this.calls.since(before)).isEmpty();
	}

	@Test
	void aRepeatedLoadOfTheEditableOfferingStepUsesTheCachedLists() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		long first = this.calls.position();
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(SandboxSeed.PROVIDER_CUSTOMER)));
		long second = this.calls.position();
		this.mvc.perform(get("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(SandboxSeed.PROVIDER_CUSTOMER)));
		// Another test of this context may have filled the cache already.
		assertThat(this.calls.count(first, (call) -> call.path().startsWith("customers"))).isLessThanOrEqualTo(1);
		assertThat(this.calls.since(second)).isEmpty();
	}

	@Test
	void aSearchAsksWaldurAndItsAnswerIsCachedToo() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		long before = this.calls.position();
		for (int i = 0; i < 2; i++) {
			search(id, "Sandbox").andExpect(content().string(containsString(SandboxSeed.PROVIDER_CUSTOMER)));
		}
		assertThat(this.calls.count(before, (call) -> call.path().startsWith("customers") && call.status() == 200))
			.isLessThanOrEqualTo(1);
		long unique = this.calls.position();
		search(id, "Nowhere " + UUID.randomUUID());
		assertThat(this.calls.count(unique, (call) -> call.path().startsWith("customers"))).isEqualTo(1);
	}

	@Test
	void aSlowOrganisationListKeepsTheOfferingPageWithinItsBudget() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		this.faults.delay("GET", "customers/*", Duration.ofSeconds(10), 3);
		long started = System.nanoTime();
		search(id, "Slow " + UUID.randomUUID()).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"pickers-problem\"")))
			.andExpect(content().string(containsString("did not answer within")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PAGE_BUDGET);
	}

	@Test
	void aListWaldurDidNotGiveInTimeIsNotAskedForAgainByTheNextPagesForAMoment() throws Exception {
		long id = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		String query = "Down " + UUID.randomUUID();
		long fault = this.faults.delay("GET", "customers/*", Duration.ofSeconds(10), 3).id();
		search(id, query).andExpect(content().string(containsString("did not answer within")));
		long started = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			search(id, query).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"pickers-problem\"")))
				.andExpect(content().string(containsString("did not answer within")));
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("three page loads after the failed read")
			.isLessThan(Duration.ofSeconds(2));
		assertThat(this.faults.active()).filteredOn((active) -> active.id() == fault)
			.singleElement()
			.as("delayed list reads left: only the first page asked Waldur")
			.satisfies((active) -> assertThat(active.remaining()).isEqualTo(2));
	}

	private ResultActions search(long id, String query) throws Exception {
		return this.mvc.perform(post("/onboarding/" + id + "/steps/offering").with(user("operator").roles("OPERATOR"))
			.with(csrf())
			.param("version", String.valueOf(this.driver.version(id)))
			.param("action", "search")
			.param("name", "Searching")
			.param("customerQuery", query));
	}

}
