package org.waldur.portal.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;

/**
 * The components an agent configuration is made from, and how they compare with Waldur.
 *
 * @param used the components written into the configuration: Waldur's when they differ
 * from the onboarding's, otherwise the onboarding's
 * @param differences how Waldur's components differ from the onboarding's
 * @param problem why Waldur's components could not be compared, or {@code null}
 */
record AgentComponents(List<OfferingInput.Component> used, List<ComponentDifference> differences,
		@Nullable String problem) {

	AgentComponents {
		used = List.copyOf(used);
		differences = List.copyOf(differences);
	}

	List<String> changes() {
		return this.differences.stream().map(ComponentDifference::describe).toList();
	}

	/**
	 * These components, when a file may be downloaded with them.
	 * @param reviewed whether the operator confirmed reviewing the differences
	 * @throws AgentConfigRefusedException when they could not be compared, two share a
	 * type, or they differ and the review is not confirmed
	 */
	AgentComponents requireDownloadable(boolean reviewed) {
		if (this.problem != null) {
			throw new AgentConfigRefusedException(
					this.problem + " Nothing was downloaded; try again when Waldur answers.");
		}
		String duplicate = AgentConfigGenerator.duplicateType(this.used);
		if (duplicate != null) {
			throw new AgentConfigRefusedException(AgentConfigGenerator.duplicateMessage(duplicate));
		}
		if (!this.differences.isEmpty() && !reviewed) {
			throw new AgentConfigRefusedException("The offering's components in Waldur changed since the onboarding: "
					+ String.join("; ", changes()) + ". Review these changes and confirm it next to the download; "
					+ "the file then follows Waldur. Nothing was downloaded.");
		}
		return this;
	}

}
