package org.waldur.portal.agent;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.sandbox.SandboxSeed;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Components of an onboarded offering changed in Waldur behind the portal's back (here in
 * the sandbox's own tables, as the sandbox has no component endpoints): the hand-over
 * check names the difference and turns red, and the configuration is not downloaded with
 * the old components.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ComponentDriftFlowTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AgentHandover handover;

	@Autowired
	SandboxSeed seed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@Test
	void unchangedComponentsLeaveTheChecklistGreen() {
		long id = completed();
		assertThat(this.handover.runChecks(id, OnboardingDriver.OPERATOR))
			.allSatisfy((result) -> assertThat(result.passed()).as(result.detail()).isTrue());
		assertThat(this.handover.preview(id, OnboardingDriver.OPERATOR, AgentSettings.defaults()).yaml())
			.contains("node_hours:")
			.contains("cpu:");
	}

	@Test
	void aComponentRemovedInWaldurIsNamedAndLeavesTheConfiguration() throws Exception {
		long id = completed();
		this.jdbc.sql("delete from sandbox_offering_component where offering_uuid = ? and type = 'cpu'")
			.param(offeringUuid(id))
			.update();
		assertFailedWith(id, "'cpu' was removed in Waldur");
		assertThat(this.handover.preview(id, OnboardingDriver.OPERATOR, AgentSettings.defaults()).yaml())
			.contains("node_hours:")
			.doesNotContain("cpu:");
		assertDownloadRefusedUntilReviewed(id, "cpu:");
	}

	@Test
	void aComponentAddedInWaldurIsNamedAndJoinsTheConfiguration() throws Exception {
		long id = completed();
		ObjectNode gpu = JSON.createObjectNode()
			.put("uuid", "0000000000000000000000000000a0a0")
			.put("type", "gpu")
			.put("name", "GPU hours")
			.put("measured_unit", "GPU-hours")
			.put("billing_type", "usage")
			.putNull("limit_period")
			.putNull("limit_amount")
			.put("unit_factor", 1);
		this.jdbc
			.sql("insert into sandbox_offering_component (uuid, offering_uuid, ordinal, type, data) "
					+ "values (?, ?, 2, 'gpu', ?)")
			.params("0000000000000000000000000000a0a0", offeringUuid(id), JSON.writeValueAsString(gpu))
			.update();
		assertFailedWith(id, "'gpu' was added in Waldur");
		assertThat(this.handover.preview(id, OnboardingDriver.OPERATOR, AgentSettings.defaults()).yaml())
			.contains("gpu:");
		assertDownloadRefusedUntilReviewed(id, null);
	}

	@Test
	void aRenamedTypeIsNamedAsRemovedAndAdded() throws Exception {
		long id = completed();
		change(id, "cpu", (cpu) -> cpu.put("type", "cpu_k"));
		this.jdbc.sql("update sandbox_offering_component set type = 'cpu_k' where offering_uuid = ? and type = 'cpu'")
			.param(offeringUuid(id))
			.update();
		String detail = assertFailedWith(id, "'cpu' was removed in Waldur");
		assertThat(detail).contains("'cpu_k' was added in Waldur");
		assertThat(this.handover.preview(id, OnboardingDriver.OPERATOR, AgentSettings.defaults()).yaml())
			.contains("cpu_k:")
			.doesNotContain(" cpu:");
		assertDownloadRefusedUntilReviewed(id, " cpu:");
	}

	@Test
	void aChangedBillingTypeUnitOrLimitIsNamed() throws Exception {
		long id = completed();
		change(id, "cpu", (cpu) -> cpu.put("billing_type", "usage"));
		change(id, "node_hours", (hours) -> hours.put("measured_unit", "Hours").put("limit_amount", 200));
		String detail = assertFailedWith(id, "'cpu': billing type is 'usage' in Waldur, 'limit' in the onboarding");
		assertThat(detail).contains("'node_hours': measured unit is 'Hours' in Waldur, 'Node-hours' in the onboarding")
			.contains("'node_hours': limit is 200 in Waldur, 100 in the onboarding");
		assertThat(this.handover.preview(id, OnboardingDriver.OPERATOR, AgentSettings.defaults()).yaml())
			.contains("measured_unit: \"Hours\"")
			.contains("limit: 200");
		assertDownloadRefusedUntilReviewed(id, "measured_unit: \"Node-hours\"");
	}

	private long completed() {
		long id = this.driver.prepared("Drift " + System.nanoTime(), "drift_" + Long.toHexString(System.nanoTime()),
				OnboardingDriver.OPERATOR);
		OfferingInput base = this.driver.offering(this.onboarding.get(id, OnboardingDriver.OPERATOR).getTitle());
		OfferingInput twoComponents = new OfferingInput(base.name(), base.description(), base.customerUrl(),
				base.customerUuid(), base.customerName(), base.categoryUrl(), base.categoryTitle(),
				List.of(new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", "month", 100, 1),
						new OfferingInput.Component("cpu", "CPU", "k-Hours", "limit", null, 10, 60000)),
				base.plans(), base.shared());
		this.onboarding.saveOffering(id, this.driver.version(id), twoComponents, null, false,
				OnboardingDriver.OPERATOR);
		this.driver.complete(id, OnboardingDriver.OPERATOR);
		return id;
	}

	private String offeringUuid(long id) {
		return this.onboarding.get(id, OnboardingDriver.OPERATOR).getOfferingUuid();
	}

	private void change(long id, String type, Consumer<ObjectNode> edit) {
		String uuid = offeringUuid(id);
		String data = this.jdbc.sql("select data from sandbox_offering_component where offering_uuid = ? and type = ?")
			.params(uuid, type)
			.query(String.class)
			.single();
		ObjectNode component = (ObjectNode) JSON.readTree(data);
		edit.accept(component);
		this.jdbc.sql("update sandbox_offering_component set data = ? where offering_uuid = ? and type = ?")
			.params(JSON.writeValueAsString(component), uuid, type)
			.update();
	}

	/** The one failed check, whose detail names the difference. */
	private String assertFailedWith(long id, String difference) {
		List<CheckResult> failed = this.handover.runChecks(id, OnboardingDriver.OPERATOR)
			.stream()
			.filter((result) -> !result.passed())
			.toList();
		assertThat(failed).as("failed checks").singleElement().satisfies((result) -> {
			assertThat(result.check().name()).isEqualTo("OFFERING_COMPONENTS");
			assertThat(result.detail()).contains(difference);
		});
		return failed.get(0).detail();
	}

	private void assertDownloadRefusedUntilReviewed(long id, @org.jspecify.annotations.Nullable String stale)
			throws Exception {
		this.mvc
			.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf())
				.with(user("operator").roles("OPERATOR")))
			.andExpect(status().is3xxRedirection());
		String yaml = this.mvc
			.perform(post("/onboarding/{id}/agent/config.yaml", id).with(csrf())
				.param("componentsReviewed", "true")
				.with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (stale != null) {
			assertThat(yaml).doesNotContain(stale);
		}
		String page = this.mvc.perform(get("/onboarding/{id}/agent", id).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"components-changed\"").contains("id=\"components-reviewed\"");
	}

}
