package org.waldur.portal.agent;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.waldur.Offering;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison of Waldur's components with the onboarding's, one kind of difference at
 * a time.
 */
class ComponentDriftTests {

	static final OfferingInput.Component HOURS = new OfferingInput.Component("node_hours", "Node hours", "Node-hours",
			"usage", "month", 100, null);

	static final OfferingInput.Component CPU = new OfferingInput.Component("cpu", "CPU", "k-Hours", "limit", null, 10,
			60000);

	static Offering.OfferingComponent inWaldur(OfferingInput.Component c) {
		return new Offering.OfferingComponent("u-" + c.type(), c.type(), c.name(), c.measuredUnit(), c.billingType(),
				c.limitPeriod(), c.limitAmount(), 1);
	}

	static List<String> differences(List<OfferingInput.Component> onboarding, List<Offering.OfferingComponent> waldur) {
		return ComponentDrift.compare(onboarding, waldur).stream().map(ComponentDifference::describe).toList();
	}

	@Test
	void theSameComponentsHaveNoDifferenceWhateverWaldursUnitFactorOrBlankPeriod() {
		Offering.OfferingComponent cpu = new Offering.OfferingComponent("u", "cpu", "CPU", "k-Hours", "limit", "", 10,
				null);
		assertThat(ComponentDrift.compare(List.of(HOURS, CPU), List.of(inWaldur(HOURS), cpu))).isEmpty();
		Finding finding = ComponentDrift.finding(List.of(HOURS, CPU), List.of(inWaldur(HOURS), cpu));
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.PASSED);
		assertThat(finding.detail()).contains("node_hours, cpu");
	}

	@Test
	void aComponentRemovedInWaldur() {
		assertThat(differences(List.of(HOURS, CPU), List.of(inWaldur(HOURS))))
			.containsExactly("'cpu' was removed in Waldur; the onboarding has it");
	}

	@Test
	void aComponentAddedInWaldur() {
		Offering.OfferingComponent gpu = new Offering.OfferingComponent("g", "gpu", "GPU", "GPU-hours", "usage", null,
				null, 7);
		assertThat(differences(List.of(HOURS), List.of(inWaldur(HOURS), gpu))).containsExactly(
				"'gpu' was added in Waldur ('GPU', 'usage', 'GPU-hours'; unit_factor 7 as Waldur has it, check it "
						+ "for the agent); the onboarding does not have it");
	}

	@Test
	void aRenamedTypeIsARemovalAndAnAddition() {
		Offering.OfferingComponent renamed = new Offering.OfferingComponent("u", "cpu_k", "CPU", "k-Hours", "limit",
				null, 10, 1);
		assertThat(differences(List.of(HOURS, CPU), List.of(inWaldur(HOURS), renamed))).containsExactly(
				"'cpu' was removed in Waldur; the onboarding has it",
				"'cpu_k' was added in Waldur "
						+ "('CPU', 'limit', 'k-Hours'; unit_factor 1 as Waldur has it, check it for the agent); "
						+ "the onboarding does not have it");
	}

	@Test
	void aDifferentBillingType() {
		Offering.OfferingComponent cpu = new Offering.OfferingComponent("u", "cpu", "CPU", "k-Hours", "usage", null, 10,
				1);
		assertThat(differences(List.of(CPU), List.of(cpu)))
			.containsExactly("'cpu': billing type is 'usage' in Waldur, 'limit' in the onboarding");
	}

	@Test
	void aDifferentUnit() {
		Offering.OfferingComponent cpu = new Offering.OfferingComponent("u", "cpu", "CPU", "Hours", "limit", null, 10,
				1);
		assertThat(differences(List.of(CPU), List.of(cpu)))
			.containsExactly("'cpu': measured unit is 'Hours' in Waldur, 'k-Hours' in the onboarding");
	}

	@Test
	void aDifferentOrMissingLimitAndPeriod() {
		Offering.OfferingComponent hours = new Offering.OfferingComponent("u", "node_hours", "Node hours", "Node-hours",
				"usage", "annual", 200, 1);
		Offering.OfferingComponent cpu = new Offering.OfferingComponent("u", "cpu", "CPU", "k-Hours", "limit", null,
				null, 1);
		assertThat(differences(List.of(HOURS, CPU), List.of(hours, cpu))).containsExactly(
				"'node_hours': limit is 200 in Waldur, 100 in the onboarding",
				"'node_hours': limit period is 'annual' in Waldur, 'month' in the onboarding",
				"'cpu': limit is not set in Waldur, 10 in the onboarding");
	}

	@Test
	void aDifferentLabel() {
		Offering.OfferingComponent cpu = new Offering.OfferingComponent("u", "cpu", "Cores", "k-Hours", "limit", null,
				10, 1);
		assertThat(differences(List.of(CPU), List.of(cpu)))
			.containsExactly("'cpu': label is 'Cores' in Waldur, 'CPU' in the onboarding");
	}

	@Test
	void differencesFailTheCheckNamingEach() {
		Finding finding = ComponentDrift.finding(List.of(HOURS, CPU), List.of(inWaldur(HOURS)));
		assertThat(finding.check()).isEqualTo(HandoverCheck.OFFERING_COMPONENTS);
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.FAILED);
		assertThat(finding.detail()).contains("'cpu' was removed in Waldur").contains("confirm");
	}

	@Test
	void theConfigurationFollowsWaldurKeepingTheOnboardingsUnitFactors() {
		Offering.OfferingComponent cpu = new Offering.OfferingComponent("u", "cpu", "CPU", "k-Hours", "usage", null, 10,
				1);
		Offering.OfferingComponent gpu = new Offering.OfferingComponent("g", "gpu", "GPU", "GPU-hours", "usage", null,
				null, 7);
		assertThat(ComponentDrift.following(List.of(HOURS, CPU), List.of(cpu, gpu))).containsExactly(
				new OfferingInput.Component("cpu", "CPU", "k-Hours", "usage", null, 10, 60000),
				new OfferingInput.Component("gpu", "GPU", "GPU-hours", "usage", null, null, 7));
	}

}
