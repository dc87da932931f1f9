package org.waldur.portal.sandbox;

import java.time.Instant;

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

	/** How many service providers the organisation has (Waldur allows one). */
	public static long serviceProviders(ApplicationContext context, String customerUuid) {
		return context.getBean(SandboxDirectory.class).findServiceProviderOf(customerUuid).isPresent() ? 1 : 0;
	}

}
