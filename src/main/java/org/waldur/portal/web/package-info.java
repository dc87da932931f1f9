/**
 * The page shell shared by every module: layout model, home and sign-in pages, error
 * handling.
 */
@NullMarked
package org.waldur.portal.web;

import org.jspecify.annotations.NullMarked;
