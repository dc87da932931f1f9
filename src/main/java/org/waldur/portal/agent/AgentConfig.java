package org.waldur.portal.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A generated agent configuration and what the agent's rules say about it.
 *
 * @param yaml the file's text; empty when none could be generated
 * @param violations the agent's rules it breaks; empty when valid
 * @param componentChanges how the offering's components in Waldur differ from those the
 * onboarding recorded, one sentence each; the file then follows Waldur
 * @param componentsProblem why Waldur's components could not be compared with the
 * onboarding's, or {@code null}
 */
public record AgentConfig(String yaml, List<ConfigViolation> violations, List<String> componentChanges,
		@Nullable String componentsProblem) {

	public AgentConfig {
		violations = List.copyOf(violations);
		componentChanges = List.copyOf(componentChanges);
	}

	public AgentConfig(String yaml, List<ConfigViolation> violations) {
		this(yaml, violations, List.of(), null);
	}

	/** Whether the agent would accept the file. */
	public boolean valid() {
		return this.violations.isEmpty();
	}

	/** Whether a file was generated. */
	public boolean generated() {
		return !this.yaml.isEmpty();
	}

	/**
	 * Whether Waldur's components changed since the onboarding, so that downloading the
	 * file needs a confirmation that the changes were reviewed.
	 */
	public boolean componentsChanged() {
		return !this.componentChanges.isEmpty();
	}

	@Override
	public String toString() {
		return "AgentConfig[yaml=******, violations=" + this.violations + ", componentChanges=" + this.componentChanges
				+ "]";
	}

}
