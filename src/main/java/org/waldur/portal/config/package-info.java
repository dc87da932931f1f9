/**
 * The portal's settings, validated at start-up.
 */
@NullMarked
package org.waldur.portal.config;

import org.jspecify.annotations.NullMarked;
