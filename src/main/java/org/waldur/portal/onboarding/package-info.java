/**
 * Onboarding sessions: the persisted, resumable wizard that puts a SLURM cluster on the
 * Waldur marketplace, with a record of every step attempt.
 */
@NullMarked
package org.waldur.portal.onboarding;

import org.jspecify.annotations.NullMarked;
