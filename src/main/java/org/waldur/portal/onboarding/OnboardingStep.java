package org.waldur.portal.onboarding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The steps of an onboarding, in order. Each step knows its page, the Waldur token it
 * runs with and whether it changes Waldur.
 */
public enum OnboardingStep {

	/**
	 * Create the {@code Marketplace.Slurm} offering (owner token if given, else staff).
	 */
	OFFERING("offering", "Offering", TokenChoice.OWNER_OR_STAFF, true),

	/** Set the offering's integration {@code plugin_options} while it is a Draft. */
	INTEGRATION("integration", "Integration options", TokenChoice.OWNER_OR_STAFF, true),

	/** Activate the offering (Draft to Active); Waldur allows this to staff only. */
	ACTIVATION("activation", "Activation", TokenChoice.STAFF, true),

	/** Create the service-account user (staff only). */
	SERVICE_ACCOUNT("service-account", "Service account", TokenChoice.STAFF, true),

	/** Grant that user {@code OFFERING.MANAGER} on the offering. */
	MANAGER_ROLE("manager-role", "Offering manager role", TokenChoice.OWNER_OR_STAFF, true),

	/** Fetch the service account's API token (staff only). */
	TOKEN("token", "Service-account token", TokenChoice.STAFF, false),

	/**
	 * Set the service account's token lifetime (none, or one the operator chose) with
	 * that account's own token, the only one Waldur lets change it, and read it back.
	 */
	KEEP_TOKEN("keep-token", "Keep the agent's token valid", TokenChoice.SERVICE_ACCOUNT, true),

	/**
	 * Replace the service account's token on demand, once the onboarding is completed;
	 * the old token stops working at once. Not part of the wizard's sequence.
	 */
	TOKEN_REFRESH("token-refresh", "Token refresh", TokenChoice.STAFF, true),

	/**
	 * Register the chosen organisation as a Waldur service provider, a prerequisite of
	 * the offering step that support staff confirm when it is missing (staff token only:
	 * owners lack {@code SERVICE_PROVIDER.REGISTER} by default). Not part of the wizard's
	 * sequence.
	 */
	SERVICE_PROVIDER("service-provider", "Service provider registration", TokenChoice.STAFF, true);

	/** Which Waldur token a step uses. */
	public enum TokenChoice {

		/** Always the staff token. */
		STAFF,

		/**
		 * The organisation-owner token when the session has one, else the staff token.
		 */
		OWNER_OR_STAFF,

		/** The service account's own token, the one the site agent uses. */
		SERVICE_ACCOUNT

	}

	private final String slug;

	private final String title;

	private final TokenChoice tokenChoice;

	private final boolean changesWaldur;

	OnboardingStep(String slug, String title, TokenChoice tokenChoice, boolean changesWaldur) {
		this.slug = slug;
		this.title = title;
		this.tokenChoice = tokenChoice;
		this.changesWaldur = changesWaldur;
	}

	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	public TokenChoice tokenChoice() {
		return this.tokenChoice;
	}

	/**
	 * Whether applying the step changes something in Waldur (and so needs a
	 * confirmation).
	 */
	public boolean changesWaldur() {
		return this.changesWaldur;
	}

	/**
	 * Whether the step belongs to the wizard's sequence (token refresh and service
	 * provider registration do not).
	 */
	public boolean inWizard() {
		return this != TOKEN_REFRESH && this != SERVICE_PROVIDER;
	}

	/** Whether only support staff may confirm the step. */
	public boolean supportOnly() {
		return this == SERVICE_PROVIDER;
	}

	/** The steps of the wizard, in order. */
	public static List<OnboardingStep> wizard() {
		return Wizard.STEPS;
	}

	/** 1-based position shown to users. */
	public int number() {
		return ordinal() + 1;
	}

	/** The Thymeleaf template of this step's page. */
	public String template() {
		return "onboarding/steps/" + this.slug;
	}

	public @Nullable OnboardingStep next() {
		return (inWizard() && ordinal() + 1 < wizard().size()) ? values()[ordinal() + 1] : null;
	}

	public @Nullable OnboardingStep previous() {
		return (inWizard() && ordinal() > 0) ? values()[ordinal() - 1] : null;
	}

	public boolean isOffering() {
		return this == OFFERING;
	}

	public boolean isFirst() {
		return ordinal() == 0;
	}

	public boolean isLast() {
		return next() == null;
	}

	/** The steps that must be done before this one can run. */
	public List<OnboardingStep> prerequisites() {
		return inWizard() ? wizard().subList(0, ordinal()) : wizard();
	}

	/** The wizard's steps, listed once: pages ask for them many times. */
	private static final class Wizard {

		static final List<OnboardingStep> STEPS = Arrays.stream(values()).filter(OnboardingStep::inWizard).toList();

	}

	public static Optional<OnboardingStep> fromSlug(String slug) {
		return Arrays.stream(values()).filter((step) -> step.slug.equals(slug)).findFirst();
	}

}
