package org.waldur.portal.onboarding;

import java.net.URI;

import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.BillingUnit;
import org.waldur.portal.waldur.LimitPeriod;
import org.waldur.portal.waldur.NewUser;
import org.waldur.portal.waldur.OfferingComponentRequest;
import org.waldur.portal.waldur.OfferingPlanRequest;
import org.waldur.portal.waldur.OfferingRequest;
import org.waldur.portal.waldur.PluginOptions;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurVersion;

/**
 * Turns the inputs of a session into the Waldur client's request types.
 */
final class WaldurRequests {

	private WaldurRequests() {
	}

	static OfferingRequest offering(OfferingInput input) {
		return new OfferingRequest(input.name(), input.description(), URI.create(input.customerUrl()),
				URI.create(input.categoryUrl()), input.components().stream().map(WaldurRequests::component).toList(),
				input.plans().stream().map(WaldurRequests::plan).toList(), input.shared(), input.backendId());
	}

	/**
	 * The integration options as sent to {@code waldur}: without the UID/GID start
	 * numbers to Waldur 8.1.2 and later, which no longer has them and would drop them
	 * silently.
	 */
	static PluginOptions pluginOptions(IntegrationInput input, WaldurVersion waldur) {
		boolean numbers = !waldur.dropsUidNumbers();
		String accountPolicy = input.accountNameGenerationPolicy();
		return new PluginOptions(input.homedirPrefix(), numbers ? input.initialUidnumber() : null,
				numbers ? input.initialUsergroupNumber() : null, numbers ? input.initialPrimarygroupNumber() : null,
				input.usernameAnonymizedPrefix(), UsernamePolicy.of(input.usernameGenerationPolicy()),
				(accountPolicy == null || accountPolicy.isEmpty()) ? null : AccountNamePolicy.of(accountPolicy),
				input.supportsPausing(), input.supportsDownscaling(), input.serviceProviderCanCreateOfferingUser());
	}

	static NewUser user(AccountInput input) {
		return new NewUser(input.username(), input.email(), input.firstName(), input.lastName());
	}

	private static OfferingComponentRequest component(OfferingInput.Component component) {
		String period = component.limitPeriod();
		return new OfferingComponentRequest(component.type(), component.name(), component.measuredUnit(),
				BillingType.of(component.billingType()),
				(period == null || period.isEmpty()) ? null : LimitPeriod.of(period), component.limitAmount(),
				component.unitFactor());
	}

	private static OfferingPlanRequest plan(OfferingInput.Plan plan) {
		return new OfferingPlanRequest(plan.name(), plan.description(), BillingUnit.of(plan.unit()), null);
	}

}
