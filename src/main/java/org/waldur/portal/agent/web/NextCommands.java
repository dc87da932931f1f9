package org.waldur.portal.agent.web;

import java.util.List;

import org.waldur.portal.agent.AgentHandover;
import org.waldur.portal.agent.AgentSettings;

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

	/**
	 * Installing today's agent: the core package has no backends, so the SLURM plugin and
	 * the username plugin go with it.
	 */
	static List<String> install() {
		return List.of("# The core package has no backends: install it with the SLURM and username plugins",
				"sudo pip install waldur-site-agent waldur-site-agent-slurm waldur-site-agent-basic-username-management",
				"# (or: uv tool install waldur-site-agent --with-executables-from waldur-site-agent-slurm "
						+ "--with waldur-site-agent-basic-username-management)");
	}

	/** Before starting: the SLURM side and the Waldur side. */
	static List<String> diagnose(AgentSettings settings) {
		return List.of("# default_account must already exist in SLURM",
				"sacctmgr show account " + shell(settings.defaultAccount()),
				"# Push the offering's components to Waldur, then check Waldur and SLURM",
				"waldur_site_load_components -c " + CONFIG, "waldur_site_diagnostics -c " + CONFIG,
				"# After a first order: compare an allocation account with what Waldur expects",
				"waldur_site_diagnose_slurm_account <allocation-account> -c " + CONFIG);
	}

	/** Then, in both cases: one systemd service per mode. */
	static List<String> run() {
		List<String> commands = new java.util.ArrayList<>();
		commands.add("# One systemd service per mode (download the units above)");
		commands.add("sudo install -m 644 waldur-agent-*.service /etc/systemd/system/");
		commands.add("sudo systemctl daemon-reload");
		AgentHandover.units().values().forEach((unit) -> commands.add("sudo systemctl enable --now " + unit));
		commands.add("# Follow one of them");
		commands.add("journalctl -u waldur-agent-order-process.service -f");
		return commands;
	}

	private static String shell(String value) {
		return value.matches("[A-Za-z0-9_.-]+") ? value : "'" + value.replace("'", "") + "'";
	}

}
