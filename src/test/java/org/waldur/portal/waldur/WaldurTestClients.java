package org.waldur.portal.waldur;

import java.net.URI;

/**
 * Waldur clients for plain unit tests outside this package, without Spring.
 */
public final class WaldurTestClients {

	private WaldurTestClients() {
	}

	/** A client for the Waldur API at {@code apiRoot}, using {@code staffToken}. */
	public static WaldurClient client(URI apiRoot, String staffToken) {
		return WaldurWireMockSupport.client(new WaldurWireMockSupport.TestEndpoint(apiRoot, staffToken, false));
	}

	/** A canned, contract-valid Waldur response under {@code waldur/responses/}. */
	public static String fixture(String name) {
		return WaldurWireMockSupport.fixture(name);
	}

}
