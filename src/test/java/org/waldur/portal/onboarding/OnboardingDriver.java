package org.waldur.portal.onboarding;

import java.util.List;
import java.util.Set;

import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.Role;

/**
 * Drives onboardings through the service against the built-in sandbox, for tests.
 */
public final class OnboardingDriver {

	public static final Viewer OPERATOR = new Viewer("operator", Set.of(Role.OPERATOR));

	public static final Viewer SUPPORT = new Viewer("support", Set.of(Role.SUPPORT));

	public static final Viewer AUDITOR = new Viewer("auditor", Set.of(Role.AUDITOR));

	private final Onboarding onboarding;

	private final SandboxSeed seed;

	private final int port;

	public OnboardingDriver(Onboarding onboarding, SandboxSeed seed, int port) {
		this.onboarding = onboarding;
		this.seed = seed;
		this.port = port;
	}

	public String api() {
		return "http://127.0.0.1:" + this.port + "/sandbox/api/";
	}

	public OfferingInput offering(String name) {
		return new OfferingInput(name, "A test cluster", api() + "customers/" + this.seed.providerCustomerUuid() + "/",
				this.seed.providerCustomerUuid(), SandboxSeed.PROVIDER_CUSTOMER,
				api() + "marketplace-categories/" + this.seed.categoryUuid("HPC") + "/", "HPC",
				List.of(new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", "month", 100,
						1)),
				List.of(new OfferingInput.Plan("Default", "Default plan", "month")), true);
	}

	public static AccountInput account(String username) {
		return new AccountInput(username, username + "@example.org", "Site", "Agent");
	}

	/** A new onboarding with all inputs saved, no step run yet. */
	public long prepared(String name, String username, Viewer viewer) {
		long id = this.onboarding.start(viewer).getId();
		this.onboarding.saveOffering(id, version(id), offering(name), null, false, viewer);
		this.onboarding.saveIntegration(id, version(id), IntegrationInput.defaults(), viewer);
		this.onboarding.saveAccount(id, version(id), account(username), viewer);
		return id;
	}

	public StepAttempt run(long id, OnboardingStep step, Viewer viewer) {
		return this.onboarding.run(id, step, version(id), viewer);
	}

	/** Runs every wizard step in order, stopping at the first that does not succeed. */
	public OnboardingSession complete(long id, Viewer viewer) {
		for (OnboardingStep step : OnboardingStep.wizard()) {
			if (this.onboarding.get(id, viewer).step(step).getStatus() != StepStatus.DONE) {
				StepAttempt attempt = run(id, step, viewer);
				if (!attempt.getOutcome().isSuccess()) {
					throw new AssertionError(
							step + " did not succeed: " + attempt.getOutcome() + " " + attempt.getMessage());
				}
			}
		}
		return this.onboarding.get(id, viewer);
	}

	public long version(long id) {
		return this.onboarding.get(id, SUPPORT).getVersion();
	}

}
