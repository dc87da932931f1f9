package org.waldur.portal.onboarding;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurVersion;

/**
 * A snapshot of what a step run needs, taken when the step was claimed, or for a preview,
 * which needs only the kind of token and no token at all.
 *
 * @param credentialKind the kind of Waldur token the step uses
 * @param token the token itself; {@code null} for a preview
 * @param reconcile whether an earlier attempt may have changed Waldur
 * @param settlesAt until when an earlier request may still land in Waldur; before then
 * the run looks up but sends nothing
 * @param now when the run started
 * @param offering offering inputs
 * @param integration integration inputs
 * @param account service-account inputs
 * @param offeringUuid the offering, once created
 * @param userUuid the service account, once created
 * @param heldToken the service-account token the portal holds, for a refresh check
 * @param keepTokenSeconds the token lifetime to set, {@code null} for none
 * @param waldur the Waldur version the requests are built for
 */
record StepRun(WaldurCredential.Kind credentialKind, @Nullable WaldurCredential token, boolean reconcile,
		@Nullable Instant settlesAt, Instant now, @Nullable OfferingInput offering,
		@Nullable IntegrationInput integration, @Nullable AccountInput account, @Nullable String offeringUuid,
		@Nullable String userUuid, @Nullable String heldToken, @Nullable Integer keepTokenSeconds,
		WaldurVersion waldur) {

	StepRun {
		if (token != null && token.kind() != credentialKind) {
			throw new IllegalArgumentException(
					"A " + credentialKind.description() + " run cannot carry a " + token.kind().description() + ".");
		}
	}

	/** The token to send with; only a run (not a preview) has one. */
	WaldurCredential credential() {
		if (this.token == null) {
			throw new IllegalStateException("A preview sends nothing and holds no token.");
		}
		return this.token;
	}

	/** Whether an earlier request may still be in flight. */
	boolean settling() {
		return this.settlesAt != null && this.now.isBefore(this.settlesAt);
	}

	@Override
	public String toString() {
		return "StepRun[credential=" + this.credentialKind.description() + ", reconcile=" + this.reconcile
				+ ", settlesAt=" + this.settlesAt + ", offeringUuid=" + this.offeringUuid + ", userUuid="
				+ this.userUuid + ", heldToken=" + ((this.heldToken != null) ? "******" : null) + ", waldur="
				+ this.waldur.label() + "]";
	}

}
