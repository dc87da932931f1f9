/**
 * The automation API under {@code /api/v1/}: JSON over the onboarding, desk and hand-over
 * use cases, with idempotency keys and problem details.
 */
@NullMarked
package org.waldur.portal.api;

import org.jspecify.annotations.NullMarked;
