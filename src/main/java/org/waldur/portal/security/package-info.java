/**
 * Portal accounts, roles, sign-in and the web security rules.
 */
@NullMarked
package org.waldur.portal.security;

import org.jspecify.annotations.NullMarked;
