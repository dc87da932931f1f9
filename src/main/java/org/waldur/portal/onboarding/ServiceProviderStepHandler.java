package org.waldur.portal.onboarding;

import java.util.List;

import org.waldur.portal.waldur.ServiceProvider;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurRequest;
import org.waldur.portal.waldur.WaldurResult;

import org.springframework.stereotype.Component;

import static org.waldur.portal.onboarding.StepSupport.found;
import static org.waldur.portal.onboarding.StepSupport.pending;
import static org.waldur.portal.onboarding.StepSupport.require;

/**
 * Registers the organisation as a service provider with the staff token, looking it up
 * first so that a retry after an unknown outcome adopts the provider an earlier attempt
 * registered.
 */
@Component
class ServiceProviderStepHandler implements StepHandler<ServiceProvider> {

	private final WaldurClient waldur;

	ServiceProviderStepHandler(WaldurClient waldur) {
		this.waldur = waldur;
	}

	@Override
	public OnboardingStep step() {
		return OnboardingStep.SERVICE_PROVIDER;
	}

	@Override
	public WaldurRequest<ServiceProvider> call(StepRun run) {
		return WaldurCalls.registerServiceProvider(require(run.offering(), "offering inputs").customerUrl());
	}

	@Override
	public StepOutcome execute(StepRun run, StepOutcome.Builder calls) {
		OfferingInput input = require(run.offering(), "offering inputs");
		WaldurResult<List<ServiceProvider>> found = this.waldur.serviceProviders(WaldurCredential.staff(),
				input.customerUuid());
		calls.add(found.exchange());
		if (!found.value().isEmpty()) {
			String uuid = found.value().get(0).uuid();
			return calls.done(found(run),
					"'" + input.customerName() + "' is a registered service provider in Waldur (" + uuid + ").",
					new StepResult.ProviderRegistered(uuid));
		}
		if (run.reconcile() && run.settling()) {
			return pending(run, calls, "no service provider for '" + input.customerName() + "' yet");
		}
		WaldurResult<ServiceProvider> created = this.waldur.send(call(run));
		calls.add(created.exchange());
		return calls.done(
				AttemptOutcome.SUCCEEDED, "'" + input.customerName()
						+ "' is now registered as a service provider in Waldur (" + created.value().uuid() + ").",
				new StepResult.ProviderRegistered(created.value().uuid()));
	}

}
