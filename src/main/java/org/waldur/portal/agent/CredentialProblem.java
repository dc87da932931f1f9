package org.waldur.portal.agent;

import java.util.Locale;

import org.waldur.portal.waldur.WaldurAuthorizationException;
import org.waldur.portal.waldur.WaldurExchange;

/**
 * Why Waldur refused the service-account token, each with the action that fixes it
 * (Waldur's 401 details from {@code core/authentication.py}).
 */
enum CredentialProblem {

	/** "Token has expired.": unused for longer than its lifetime. */
	EXPIRED("it expired: it was not used for longer than its lifetime",
			"Refresh the token on the summary page, update the agent's configuration, then run the step "
					+ "'Keep the agent's token valid' so that it does not expire again."),

	/** "User inactive or deleted.": the service account was deactivated. */
	INACTIVE("the service account is inactive or deleted in Waldur",
			"Reactivate the service account in Waldur (HomePort, Users, the account, Activate; or ask Waldur staff). "
					+ "Refreshing the token does not help while the account is inactive."),

	/** "Invalid token.": refreshed or deleted elsewhere. */
	INVALID("Waldur does not know it any more: it was refreshed or deleted elsewhere",
			"Refresh the token on the summary page and update the agent's configuration with the new one."),

	/** 403: the token authenticates but may not do this. */
	FORBIDDEN("the token works but the service account lacks the permission",
			"Check that the service account still holds OFFERING.MANAGER on the offering (the manager-role check)."),

	/** Any other refusal. */
	OTHER("Waldur refused it", "Refresh the token on the summary page; if that does not help, ask Waldur staff.");

	private final String cause;

	private final String action;

	CredentialProblem(String cause, String action) {
		this.cause = cause;
		this.action = action;
	}

	static CredentialProblem of(WaldurAuthorizationException ex) {
		WaldurExchange exchange = ex.exchange();
		String body = (exchange.responseBody() != null) ? exchange.responseBody() : "";
		String text = (body + " " + ex.getMessage()).toLowerCase(Locale.ROOT);
		if (text.contains("token has expired")) {
			return EXPIRED;
		}
		if (text.contains("inactive or deleted")) {
			return INACTIVE;
		}
		if (text.contains("invalid token")) {
			return INVALID;
		}
		return (exchange.status() != null && exchange.status() == 403) ? FORBIDDEN : OTHER;
	}

	/** The sentence for a check: which credential, why, and what to do. */
	String explain() {
		return "Waldur refused the service-account token (the one the site agent uses): " + this.cause + ". "
				+ this.action;
	}

}
