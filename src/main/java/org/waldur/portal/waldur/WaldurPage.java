package org.waldur.portal.waldur;

import java.util.List;

/**
 * One page of a Waldur list, read from its body (a JSON array) and its
 * {@code X-Result-Count} and {@code Link} headers.
 *
 * @param <T> the type of the items
 * @param items the items of this page
 * @param total the number of items over all pages
 * @param page the 1-based number of this page
 * @param pageSize the page size asked for
 * @param hasNext whether a next page exists ({@code Link} with {@code rel="next"})
 */
public record WaldurPage<T>(List<T> items, long total, int page, int pageSize, boolean hasNext) {

	public WaldurPage {
		items = List.copyOf(items);
	}

	/** Whether a previous page exists. */
	public boolean hasPrevious() {
		return this.page > 1;
	}

	/** The number of pages, at least 1. */
	public long totalPages() {
		return Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

}
