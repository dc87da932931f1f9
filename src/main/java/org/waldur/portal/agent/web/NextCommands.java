package org.waldur.portal.agent.web;

import java.util.List;

/**
 * The commands to run on the cluster's head node after the download, for the page. The
 * agent reads {@code waldur_api_token} from its YAML file only and expands no variables,
 * so the placeholder is substituted with {@code envsubst} at deploy time.
 */
final class NextCommands {

	static final String CONFIG = "/etc/waldur/waldur-site-agent-config.yaml";

	private NextCommands() {
	}

	/** With the token referenced: environment file plus {@code envsubst}. */
	static List<String> referenced() {
		return List.of("# 1. Keep the token in a root-only environment file (the downloaded agent.env)",
				"sudo install -d -m 700 /etc/waldur", "sudo install -m 600 agent.env /etc/waldur/agent.env",
				"# 2. Write the placeholder ${WALDUR_API_TOKEN} into the file at deploy time;",
				"#    the agent itself does not expand environment variables",
				"sudo sh -c 'set -a; . /etc/waldur/agent.env; set +a; umask 077; "
						+ "envsubst \"\\${WALDUR_API_TOKEN}\" < waldur-site-agent-config.yaml > " + CONFIG + "'",
				"sudo chmod 600 " + CONFIG);
	}

	/** With the token written in: install the file with mode 600. */
	static List<String> embedded() {
		return List.of("sudo install -d -m 700 /etc/waldur",
				"sudo install -m 600 waldur-site-agent-config.yaml " + CONFIG);
	}

	/** Then, in both cases: push the components, diagnose and start the agent's modes. */
	static List<String> run() {
		return List.of("# Push the offering's components to Waldur and check the set-up",
				"waldur_site_load_components -c " + CONFIG, "waldur_site_diagnostics -c " + CONFIG,
				"# Run one process per mode (for example as systemd services)",
				"waldur_site_agent -m order_process -c " + CONFIG, "waldur_site_agent -m membership_sync -c " + CONFIG,
				"waldur_site_agent -m report -c " + CONFIG);
	}

}
