package org.waldur.portal.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.Offering;
import org.waldur.portal.waldur.UserAuthToken;
import org.waldur.portal.waldur.WaldurUser;

/**
 * What a step run learnt about Waldur, for the session to record in the same transaction
 * as the attempt ({@link OnboardingSession#apply}). Every result says how it is applied,
 * so none can be left out or special-cased.
 */
sealed interface StepResult {

	/** Nothing to record: a refusal, a pending check, a failure. */
	StepResult UNCHANGED = new Unchanged();

	/**
	 * Records this result on {@code session}.
	 * @param seal encrypts a token for storing, bound to the session
	 */
	void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now);

	/** Nothing to record. */
	record Unchanged() implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
		}

	}

	/** The offering was created, or the one an earlier attempt created was adopted. */
	record OfferingRecorded(String uuid, @Nullable String url, @Nullable String state, List<String> plans,
			List<String> components) implements StepResult {

		static OfferingRecorded of(Offering offering) {
			List<String> plans = offering.plans()
				.stream()
				.map(Offering.OfferingPlan::uuid)
				.filter(Objects::nonNull)
				.toList();
			List<String> components = offering.components()
				.stream()
				.map(Offering.OfferingComponent::uuid)
				.filter(Objects::nonNull)
				.toList();
			// A value Waldur did not give stays empty, never the text "null".
			return new OfferingRecorded(offering.uuid(), offering.url(), offering.state(), plans, components);
		}

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
			session.recordOffering(this.uuid, this.url, this.state, this.plans, this.components, now);
		}

	}

	/**
	 * More than one offering where the onboarding expects one: support must choose among
	 * the candidates.
	 */
	record OfferingChoicePending(List<OfferingCandidate> candidates) implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
			session.awaitOfferingChoice(this.candidates, now);
		}

	}

	/** Waldur holds the integration options; the session keeps what it sent. */
	record IntegrationSet() implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
		}

	}

	/** The offering is active (activated now, or found active). */
	record OfferingActivated(String state) implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
			session.recordOfferingState(this.state, now);
		}

	}

	/** The service account was created, or the one an earlier attempt created adopted. */
	record UserRecorded(String uuid, @Nullable String url, @Nullable String username) implements StepResult {

		static UserRecorded of(WaldurUser user) {
			return new UserRecorded(user.uuid(), user.url(), user.username());
		}

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
			session.recordUser(this.uuid, this.url, this.username, now);
		}

	}

	/** The service account holds the manager role on the offering. */
	record RoleGranted() implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
		}

	}

	/**
	 * A token fetched, refreshed or found refreshed; stored encrypted, never kept in this
	 * object's {@code toString()}.
	 */
	record TokenReceived(String token, @Nullable Instant created, @Nullable Integer lifetime) implements StepResult {

		static TokenReceived of(UserAuthToken token) {
			Instant created = (token.created() != null) ? token.created().toInstant() : null;
			return new TokenReceived(token.token().value(), created, token.userTokenLifetime());
		}

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
			session.storeServiceToken(seal.apply(this.token), this.created, this.lifetime, now);
		}

		@Override
		public String toString() {
			return "TokenReceived[token=******, created=" + this.created + ", lifetime=" + this.lifetime + "]";
		}

	}

	/** The token lifetime Waldur reports after the keep-token step. */
	record TokenLifetimeReported(@Nullable Integer seconds) implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
			session.recordTokenLifetime(this.seconds, now);
		}

	}

	/** The organisation is a registered service provider. */
	record ProviderRegistered(@Nullable String uuid) implements StepResult {

		@Override
		public void applyTo(OnboardingSession session, UnaryOperator<String> seal, Instant now) {
		}

	}

}
