package org.waldur.portal.waldur;

/**
 * The calls the client makes, with the words its messages use for them.
 */
enum WaldurOperation {

	CREATE_OFFERING("creating the offering", "a staff token or the token of an owner of the organisation"),

	UPDATE_INTEGRATION("updating the offering's integration",
			"a staff token or the token of an owner or manager of the offering"),

	ACTIVATE_OFFERING("activating the offering", "a staff token"),

	CREATE_USER("creating the user", "a staff token"),

	ADD_OFFERING_USER("granting the offering role", "a staff token or the token of an owner of the organisation"),

	GET_TOKEN("reading the user's token", "a staff token"),

	REFRESH_TOKEN("refreshing the user's token", "a staff token"),

	FIND_OFFERINGS("looking up offerings", "a token that can see the organisation's offerings"),

	GET_OFFERING("reading the offering", "a token that can see the offering"),

	LIST_OFFERING_USERS("listing the offering's users", "a token that can see the offering's users"),

	FIND_USER("looking up the user", "a staff token"),

	CURRENT_USER("reading the current user", "a valid token"),

	LIST_CUSTOMERS("listing organisations", "a valid token"),

	LIST_CATEGORIES("listing marketplace categories", "a valid token"),

	SET_TOKEN_LIFETIME("setting the token's lifetime",
			"the service account's own token (Waldur lets only the user change it)"),

	LIST_AGENT_IDENTITIES("reading the site agent's registration", "a token that can see the offering"),

	LIST_AGENT_SERVICES("reading the site agent's services", "a token that can see the offering"),

	REGISTER_AGENT_IDENTITY("registering the site agent",
			"a token of staff, an owner of the organisation or an offering manager"),

	REGISTER_AGENT_SERVICE("registering a site agent service",
			"a token of staff, an owner of the organisation or an offering manager"),

	REGISTER_AGENT_PROCESSOR("registering a site agent processor",
			"a token of staff, an owner of the organisation or an offering manager"),

	GET_CUSTOMER("reading the organisation", "a token that can see the organisation"),

	GET_CATEGORY("reading the marketplace category", "a valid token"),

	FIND_SERVICE_PROVIDERS("looking up service providers", "a valid token"),

	REGISTER_SERVICE_PROVIDER("registering the organisation as a service provider", "a staff token"),

	GET_VERSION("reading Waldur's version", "a staff or support token"),

	GET_SETTINGS("reading Waldur's settings", "a staff token");

	private final String description;

	private final String requirement;

	WaldurOperation(String description, String requirement) {
		this.description = description;
		this.requirement = requirement;
	}

	/** A gerund phrase such as {@code creating the offering}. */
	String description() {
		return this.description;
	}

	/** The token the call needs, such as {@code a staff token}. */
	String requirement() {
		return this.requirement;
	}

	String capitalized() {
		return Character.toUpperCase(this.description.charAt(0)) + this.description.substring(1);
	}

}
