package org.waldur.portal.desk;

import org.waldur.portal.onboarding.StatusCountTrigger;

/**
 * The name the applied migration {@code h2/V13} gave onboarding's status counter trigger:
 * H2 loads it when that migration runs on a new database, before {@code h2/V43} moves the
 * trigger to {@link StatusCountTrigger}. Nothing else uses it; it keeps no table of its
 * own.
 *
 * @deprecated the trigger is onboarding's {@link StatusCountTrigger}
 */
@Deprecated
public class SessionStatusCounter extends StatusCountTrigger {

}
