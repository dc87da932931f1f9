package org.waldur.portal.desk;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OnboardingDirectory;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;

/**
 * What the desk list is filtered by; every part is optional.
 *
 * @param status only sessions in this status
 * @param step only sessions whose current step is this one
 * @param attention only sessions needing attention: a step failed, its outcome is
 * unknown, or a run was interrupted
 * @param createdBy only sessions started by this account
 * @param assignee only sessions assigned to this account
 * @param customer provider organisation: its UUID, or the start of its name
 * @param from only sessions started on or after this day (UTC)
 * @param to only sessions started on or before this day (UTC)
 * @param text contained in the offering name, or the start of the offering UUID or of the
 * service username
 */
public record DeskFilter(@Nullable OnboardingStatus status, @Nullable OnboardingStep step, boolean attention,
		@Nullable String createdBy, @Nullable String assignee, @Nullable String customer, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable String text) {

	/** No filter at all. */
	public static final DeskFilter NONE = new DeskFilter(null, null, false, null, null, null, null, null, null);

	public DeskFilter {
		createdBy = blankToNull(createdBy);
		assignee = blankToNull(assignee);
		customer = blankToNull(customer);
		text = blankToNull(text);
	}

	/** The same filter for another status (or none). */
	public DeskFilter withStatus(@Nullable OnboardingStatus other) {
		return new DeskFilter(other, this.step, this.attention, this.createdBy, this.assignee, this.customer, this.from,
				this.to, this.text);
	}

	/** The same filter as onboarding's list query. */
	OnboardingDirectory.Filter toDirectory() {
		return new OnboardingDirectory.Filter(this.status, this.step, this.attention, this.createdBy, this.assignee,
				this.customer, this.from, this.to, this.text);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
