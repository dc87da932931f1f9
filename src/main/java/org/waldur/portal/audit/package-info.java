/**
 * The tamper-evident, append-only audit log: who did what, when, from where and how it
 * ended, recorded in the same transaction as the change it describes.
 */
@NullMarked
package org.waldur.portal.audit;

import org.jspecify.annotations.NullMarked;
