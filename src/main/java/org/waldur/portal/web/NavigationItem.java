package org.waldur.portal.web;

/**
 * A link in the page header.
 *
 * @param label text of the link
 * @param href target path
 * @param section name used to highlight the current section
 */
public record NavigationItem(String label, String href, String section) {
}
