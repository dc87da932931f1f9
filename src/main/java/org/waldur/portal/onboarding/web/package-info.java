/**
 * The wizard's pages: one page per step, the summary and the token pages.
 */
@NullMarked
package org.waldur.portal.onboarding.web;

import org.jspecify.annotations.NullMarked;
