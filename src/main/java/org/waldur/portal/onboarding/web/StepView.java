package org.waldur.portal.onboarding.web;

import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepStatus;

/**
 * One entry of the step indicator.
 *
 * @param step the step
 * @param status its status as users see it
 * @param state {@code done}, {@code current}, {@code failed} or {@code todo}, for styling
 * @param current whether it is the page being shown
 * @param href link to its page
 */
record StepView(OnboardingStep step, StepStatus status, String state, boolean current, String href) {
}
