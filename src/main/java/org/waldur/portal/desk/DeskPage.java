package org.waldur.portal.desk;

import java.util.List;
import java.util.Map;

import org.waldur.portal.onboarding.OnboardingStatus;

/**
 * A page of the desk list with the counts per status.
 *
 * @param rows the sessions on this page
 * @param page this page's number, from 1 (the last page when a later one was asked)
 * @param size rows per page
 * @param total sessions matching the whole filter
 * @param counts sessions per status matching the filter without its status part, every
 * status present
 */
public record DeskPage(List<DeskRow> rows, int page, int size, long total, Map<OnboardingStatus, Long> counts) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	/** Position of the first row on this page, from 1 (0 when empty). */
	public long firstRow() {
		return this.rows.isEmpty() ? 0 : (long) (this.page - 1) * this.size + 1;
	}

	public long lastRow() {
		return this.rows.isEmpty() ? 0 : firstRow() + this.rows.size() - 1;
	}

}
