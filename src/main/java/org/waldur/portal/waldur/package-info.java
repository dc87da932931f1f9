/**
 * The portal's only road to Waldur: a typed client over Spring WebClient.
 */
@NullMarked
package org.waldur.portal.waldur;

import org.jspecify.annotations.NullMarked;
