/**
 * The administrator's pages for portal accounts.
 */
@NullMarked
package org.waldur.portal.security.web;

import org.jspecify.annotations.NullMarked;
