/**
 * The support desk: finding onboardings by filter, their timeline of attempts and notes,
 * and hand-over, reconciliation and abandoning by support staff.
 */
@NullMarked
package org.waldur.portal.desk;

import org.jspecify.annotations.NullMarked;
