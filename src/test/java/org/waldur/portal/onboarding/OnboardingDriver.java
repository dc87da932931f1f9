package org.waldur.portal.onboarding;

import java.util.List;
import java.util.Set;

import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.Role;
import org.waldur.portal.waldur.WaldurCalls;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurRequestPreview;

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
		return offering(name, this.seed.providerCustomerUuid(), SandboxSeed.PROVIDER_CUSTOMER);
	}

	/** The offering inputs for another organisation of the sandbox. */
	public OfferingInput offering(String name, String customerUuid, String customerName) {
		return new OfferingInput(name, "A test cluster", api() + "customers/" + customerUuid + "/", customerUuid,
				customerName, api() + "marketplace-categories/" + this.seed.categoryUuid("HPC") + "/", "HPC",
				List.of(new OfferingInput.Component("node_hours", "Node hours", "Node-hours", "usage", "month", 100,
						1)),
				List.of(new OfferingInput.Plan("Default", "Default plan", "month")), true);
	}

	/** A new onboarding for {@code input} with all inputs saved, no step run yet. */
	public long prepared(OfferingInput input, String username, Viewer viewer) {
		long id = this.onboarding.start(viewer).getId();
		this.onboarding.saveOffering(id, version(id), input, null, false, viewer);
		this.onboarding.saveIntegration(id, version(id), IntegrationInput.defaults(), viewer);
		this.onboarding.saveAccount(id, version(id), account(username), viewer);
		return id;
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

	/**
	 * A prepared onboarding whose offering step stopped for a person: its create got no
	 * answer, two offerings exactly like its own appeared in Waldur meanwhile, and the
	 * reconciling run found both.
	 */
	public long withDuplicateOfferings(String name, String username, SandboxFaults faults, WaldurClient waldur) {
		long id = prepared(name, username, OPERATOR);
		faults.failWith("POST", "marketplace-provider-offerings/", 504, 1);
		AttemptOutcome unknown = run(id, OnboardingStep.OFFERING, OPERATOR).getOutcome();
		if (unknown != AttemptOutcome.OUTCOME_UNKNOWN) {
			throw new AssertionError("The create should have had no answer, not " + unknown);
		}
		for (int i = 0; i < 2; i++) {
			waldur
				.send(WaldurCalls.createOffering(WaldurCredential.Kind.STAFF, WaldurRequests.offering(offering(name))));
		}
		AttemptOutcome decision = run(id, OnboardingStep.OFFERING, OPERATOR).getOutcome();
		if (decision != AttemptOutcome.FAILED) {
			throw new AssertionError("The reconciling run should have stopped for a person, not " + decision);
		}
		return id;
	}

	public StepAttempt run(long id, OnboardingStep step, Viewer viewer) {
		return this.onboarding.run(id, step, version(id), fingerprint(id, step), viewer);
	}

	/** Runs every wizard step in order, stopping at the first that does not succeed. */
	public OnboardingSession complete(long id, Viewer viewer) {
		for (OnboardingStep step : OnboardingStep.wizard()) {
			if (this.onboarding.get(id, viewer).step(step).getStatus() != StepStatus.DONE) {
				StepAttempt attempt = runSettled(id, step, viewer);
				if (!attempt.getOutcome().isSuccess()) {
					throw new AssertionError(
							step + " did not succeed: " + attempt.getOutcome() + " " + attempt.getMessage());
				}
			}
		}
		return this.onboarding.get(id, viewer);
	}

	/** The fingerprint of the request the step would send now, as its page shows it. */
	public String fingerprint(long id, OnboardingStep step) {
		return fingerprint(this.onboarding, id, step);
	}

	/** The fingerprint of the request the step would send now, as its page shows it. */
	public static String fingerprint(Onboarding onboarding, long id, OnboardingStep step) {
		return onboarding.preview(onboarding.get(id, SUPPORT), step).map(WaldurRequestPreview::fingerprint).orElse("");
	}

	/**
	 * Runs the step, and again after each check that found Waldur still processing an
	 * earlier request, until the answer is in (at most a minute).
	 */
	public StepAttempt runSettled(long id, OnboardingStep step, Viewer viewer) {
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		StepAttempt attempt = run(id, step, viewer);
		while (attempt.getOutcome() == AttemptOutcome.PENDING && System.nanoTime() < deadline) {
			java.time.Instant settlesAt = this.onboarding.get(id, SUPPORT).step(step).getSettlesAt();
			long wait = (settlesAt != null) ? java.time.Duration.between(java.time.Instant.now(), settlesAt).toMillis()
					: 0;
			try {
				Thread.sleep(Math.max(50, wait + 50));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			attempt = run(id, step, viewer);
		}
		return attempt;
	}

	public long version(long id) {
		return this.onboarding.get(id, SUPPORT).getVersion();
	}

}
