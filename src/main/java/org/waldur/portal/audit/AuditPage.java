package org.waldur.portal.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of audit entries, newest first, with the cursors of its neighbours.
 *
 * @param entries the entries, newest first
 * @param newer pass as {@code after} to get the page of newer entries; {@code null} on
 * the newest page
 * @param older pass as {@code before} to get the page of older entries; {@code null} on
 * the oldest page
 */
public record AuditPage(List<AuditEntry> entries, @Nullable AuditCursor newer, @Nullable AuditCursor older) {

	/** Entries per page. */
	public static final int SIZE = 50;

}
