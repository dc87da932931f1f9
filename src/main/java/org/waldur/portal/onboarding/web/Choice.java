package org.waldur.portal.onboarding.web;

import java.util.ArrayList;
import java.util.List;

import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.BillingUnit;
import org.waldur.portal.waldur.LimitPeriod;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurVocabulary;

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
	static final List<Choice> USERNAME_POLICIES = of(List.of(UsernamePolicy.values()));

	/** Waldur's account name generation policies, or none. */
	static final List<Choice> ACCOUNT_POLICIES = withNone(of(List.of(AccountNamePolicy.values())), false,
			"Not set (Waldur's default)");

	/** The billing types of a component that Waldur Site Agent understands. */
	static final List<Choice> BILLING_TYPES = of(BillingType.siteAgentTypes());

	/** The periods of a component's limit, or none. */
	static final List<Choice> LIMIT_PERIODS = withNone(of(List.of(LimitPeriod.values())), true, "No period");

	/** The billing units of a plan. */
	static final List<Choice> PLAN_UNITS = of(List.of(BillingUnit.values()));

	/** The options for {@code words}, by wire value and label. */
	static List<Choice> of(List<? extends WaldurVocabulary> words) {
		return words.stream().map((word) -> new Choice(word.value(), word.label())).toList();
	}

	private static List<Choice> withNone(List<Choice> choices, boolean first, String label) {
		List<Choice> all = new ArrayList<>(choices);
		all.add(first ? 0 : all.size(), new Choice("", label));
		return List.copyOf(all);
	}

}
