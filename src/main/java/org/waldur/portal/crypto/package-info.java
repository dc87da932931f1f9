/**
 * Encryption of secrets stored by the portal (AES-GCM under {@code PORTAL_SECRET_KEY}).
 */
@NullMarked
package org.waldur.portal.crypto;

import org.jspecify.annotations.NullMarked;
