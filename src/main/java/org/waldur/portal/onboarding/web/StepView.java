package org.waldur.portal.onboarding.web;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepStatus;

/**
 * One entry of the step indicator.
 *
 * @param step the step
 * @param status its status as users see it
 * @param state {@code done}, {@code current}, {@code failed} or {@code todo}, for styling
 * @param current whether it is the page being shown
 * @param href link to its page, the context path included
 * @param blockedBy the earliest step that must be done before this one can start, or
 * {@code null} when it can start (or is done)
 */
public record StepView(OnboardingStep step, StepStatus status, String state, boolean current, String href,
		@Nullable OnboardingStep blockedBy) {

	/** The classes of the step's entry: its state, whether it is viewed or blocked. */
	public String cssClass() {
		return "step step-" + this.state + (this.current ? " step-viewed" : "")
				+ ((this.blockedBy != null) ? " step-blocked" : "");
	}

	/**
	 * The mark before the step's title: a tick when done, "!" when it failed, else its
	 * number.
	 */
	public String mark() {
		return switch (this.state) {
			case "done" -> "✓";
			case "failed" -> "!";
			default -> String.valueOf(this.step.number());
		};
	}

	/** What the step list says of the step, in words. */
	public String stateText() {
		if (this.blockedBy != null) {
			return "cannot start yet — do step " + this.blockedBy.number() + " first";
		}
		return switch (this.state) {
			case "done" -> "done";
			case "failed" -> "needs you";
			case "current" -> "next to do";
			default -> "to do";
		};
	}

}
