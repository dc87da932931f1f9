package org.waldur.portal.agent;

/**
 * The files the hand-over page offers.
 */
public enum AgentFile {

	/** The agent configuration with a placeholder instead of the token. */
	CONFIG_REFERENCED("waldur-site-agent-config.yaml", false),

	/** The agent configuration with the token written in. */
	CONFIG_WITH_TOKEN("waldur-site-agent-config.yaml", true),

	/** The environment file holding the token, for {@code envsubst}. */
	ENV_FILE("agent.env", true);

	private final String fileName;

	private final boolean containsToken;

	AgentFile(String fileName, boolean containsToken) {
		this.fileName = fileName;
		this.containsToken = containsToken;
	}

	/** The name the file is downloaded as. */
	public String fileName() {
		return this.fileName;
	}

	/** Whether the file carries the service-account token (a secret). */
	public boolean containsToken() {
		return this.containsToken;
	}

}
