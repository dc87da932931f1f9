package org.waldur.portal.onboarding.web;

import java.util.List;

/**
 * An option of a select field.
 *
 * @param value submitted value
 * @param label shown text
 */
record Choice(String value, String label) {

	/** Waldur's username generation policies. */
	static final List<Choice> USERNAME_POLICIES = List.of(
			new Choice("waldur_username", "waldur_username: Waldur's own username"),
			new Choice("service_provider", "service_provider: the site agent makes usernames"),
			new Choice("anonymized", "anonymized: prefix and a number"),
			new Choice("full_name", "full_name: from the user's full name"), new Choice("freeipa", "freeipa"),
			new Choice("identity_claim", "identity_claim: from the identity provider"));

	/** Waldur's account name generation policies. */
	static final List<Choice> ACCOUNT_POLICIES = List.of(new Choice("project_slug", "project_slug"),
			new Choice("", "none"));

}
