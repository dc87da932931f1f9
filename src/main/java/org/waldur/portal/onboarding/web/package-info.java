/**
 * The wizard's pages: one page per step, the summary and the token pages. Its forms and
 * {@link org.waldur.portal.onboarding.web.StepInputs} are offered to other front ends.
 */
@NullMarked
@NamedInterface("forms")
package org.waldur.portal.onboarding.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
