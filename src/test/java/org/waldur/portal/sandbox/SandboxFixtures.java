package org.waldur.portal.sandbox;

import java.time.Instant;

import org.waldur.portal.waldur.WaldurServer;

import org.springframework.context.ApplicationContext;

/**
 * Test-only changes to the sandbox's organisations, for tests outside this package: a
 * fresh organisation that is not a service provider yet, and Waldur's blocked flag.
 */
public final class SandboxFixtures {

	private SandboxFixtures() {
	}

	/**
	 * Creates an organisation without owner that is not a service provider; returns its
	 * UUID.
	 */
	public static String newOrganisation(ApplicationContext context, String name) {
		String uuid = Ids.uuid();
		context.getBean(SandboxDirectory.class)
			.createCustomer(new SandboxCustomer(uuid, name, null, Instant.now(), false, false));
		return uuid;
	}

	/** Blocks or unblocks an organisation. */
	public static void block(ApplicationContext context, String customerUuid, boolean blocked) {
		context.getBean(SandboxDirectory.class).setBlocked(customerUuid, blocked);
	}

	/**
	 * Makes the sandbox answer as Waldur {@code version} and the portal read it now
	 * (asking again while a cold start makes the first read time out).
	 */
	public static void answerAs(ApplicationContext context, String version) {
		context.getBean(SandboxWaldurVersion.class).set(version);
		WaldurServer server = context.getBean(WaldurServer.class);
		for (int i = 0; i < 5; i++) {
			server.forget();
			if (version.equals(server.current().version())) {
				return;
			}
		}
		throw new AssertionError("The portal did not read version " + version + ": " + server.current().problem());
	}

	/** Back to the configured version, read again by the portal. */
	public static void resetVersion(ApplicationContext context) {
		SandboxWaldurVersion version = context.getBean(SandboxWaldurVersion.class);
		version.reset();
		answerAs(context, version.current());
	}

	/** How many service providers the organisation has (Waldur allows one). */
	public static long serviceProviders(ApplicationContext context, String customerUuid) {
		return context.getBean(SandboxDirectory.class).findServiceProviderOf(customerUuid).isPresent() ? 1 : 0;
	}

}
