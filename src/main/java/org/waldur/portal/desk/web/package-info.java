/**
 * Pages of the support desk: the filtered onboarding list and the session detail.
 */
@NullMarked
package org.waldur.portal.desk.web;

import org.jspecify.annotations.NullMarked;
