package org.waldur.portal.sandbox;

import java.net.URI;

import org.waldur.portal.waldur.WaldurEndpoint;

import org.springframework.core.env.Environment;

/**
 * The sandbox as the portal's Waldur: the API on the portal's own port, reached over the
 * loopback address, with the seeded staff token.
 */
class SandboxEndpoint implements WaldurEndpoint {

	private final Environment environment;

	private final SandboxSeed seed;

	SandboxEndpoint(Environment environment, SandboxSeed seed) {
		this.environment = environment;
		this.seed = seed;
	}

	/**
	 * {@code http://127.0.0.1:<port><context-path>/sandbox/api/}, known once the web
	 * server has started.
	 */
	@Override
	public URI apiRoot() {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException(
					"The sandbox API has no address yet: the portal's web server has not started");
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
		return URI.create("http://127.0.0.1:" + port + contextPath + SandboxApiController.PREFIX);
	}

	@Override
	public String staffToken() {
		return this.seed.staffToken();
	}

	@Override
	public boolean sandbox() {
		return true;
	}

	@Override
	public String toString() {
		return "SandboxEndpoint[staffToken=******]";
	}

}
