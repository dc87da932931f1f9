package org.waldur.portal.agent;

import java.util.List;

/**
 * A generated agent configuration and what the agent's rules say about it.
 *
 * @param yaml the file's text
 * @param violations the agent's rules it breaks; empty when valid
 */
public record AgentConfig(String yaml, List<ConfigViolation> violations) {

	public AgentConfig {
		violations = List.copyOf(violations);
	}

	/** Whether the agent would accept the file. */
	public boolean valid() {
		return this.violations.isEmpty();
	}

	@Override
	public String toString() {
		return "AgentConfig[yaml=******, violations=" + this.violations + "]";
	}

}
