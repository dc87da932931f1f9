package org.waldur.portal.onboarding.web;

import java.util.List;

/**
 * An option of a select field. Public, as are the other views pages read, so that the
 * templates' expressions compile to bytecode (Thymeleaf's SpEL compiler reads only public
 * types).
 *
 * @param value submitted value
 * @param label shown text
 */
public record Choice(String value, String label) {

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

	/** The billing types of a component that Waldur Site Agent understands. */
	static final List<Choice> BILLING_TYPES = List.of(new Choice("usage", "usage"), new Choice("limit", "limit"),
			new Choice("one", "one"));

	/** The periods of a component's limit. */
	static final List<Choice> LIMIT_PERIODS = List.of(new Choice("", "none"), new Choice("month", "month"),
			new Choice("quarterly", "quarterly"), new Choice("annual", "annual"), new Choice("total", "total"));

	/** The billing units of a plan. */
	static final List<Choice> PLAN_UNITS = List.of(new Choice("month", "month"), new Choice("quarter", "quarter"),
			new Choice("half_month", "half month"), new Choice("day", "day"), new Choice("hour", "hour"),
			new Choice("quantity", "quantity"));

}
