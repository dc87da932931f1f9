package org.waldur.portal.agent;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hand-over to the site agent.
 *
 * @param minimumVersion the oldest site agent version the Waldur in use works with
 * (Waldur and the agent are released as a pair: upgrade Waldur first, then the agent);
 * the "Site agent is running" check warns about an older one. Blank: no check. Default
 * {@code 1.0.0}.
 */
@ConfigurationProperties("portal.agent")
public record AgentProperties(@Nullable String minimumVersion) {

	public AgentProperties {
		if (minimumVersion == null) {
			minimumVersion = "1.0.0";
		}
	}

}
