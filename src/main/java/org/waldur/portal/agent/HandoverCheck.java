package org.waldur.portal.agent;

/**
 * The checks made before the service-account token is handed to the site agent, in the
 * order they run and are shown.
 */
public enum HandoverCheck {

	/** The service-account token authenticates ({@code users/me} with that token). */
	TOKEN_AUTHENTICATES("The service-account token authenticates"),

	/** The service account holds {@code OFFERING.MANAGER} on the offering. */
	OFFERING_MANAGER_ROLE("The service account is offering manager"),

	/** The offering is Active and has at least one plan. */
	OFFERING_ACTIVE("The offering is Active with a plan"),

	/**
	 * The offering's components in Waldur are those the configuration was made from: none
	 * added or removed, none with another label, unit, billing type or limit.
	 */
	OFFERING_COMPONENTS("The offering's components match the configuration"),

	/**
	 * {@code service_provider_can_create_offering_user} is set when the username policy
	 * lets the agent create usernames.
	 */
	OFFERING_USER_CREATION("The agent may create offering users"),

	/**
	 * How long the token lives, as Waldur reports it to the service account; fails when
	 * the token would expire without the operator having chosen a lifetime.
	 */
	TOKEN_LIFETIME("Token lifetime"),

	/**
	 * The site agent registered itself in Waldur for the offering, its services run and
	 * its processors ran within the hour.
	 */
	AGENT_RUNNING("Site agent is running");

	private final String title;

	HandoverCheck(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

}
