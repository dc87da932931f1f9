/**
 * The auditors' read-only pages: search, per-session trail, exports and the integrity
 * check.
 */
@NullMarked
package org.waldur.portal.audit.web;

import org.jspecify.annotations.NullMarked;
