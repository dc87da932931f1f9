package org.waldur.portal.desk;

/**
 * One page of the desk list.
 *
 * @param filter what to show
 * @param page page number, from 1
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 * @param sort the column to sort by
 * @param ascending the direction
 */
public record DeskQuery(DeskFilter filter, int page, int size, DeskSort sort, boolean ascending) {

	/** Rows per page unless asked otherwise. */
	public static final int DEFAULT_SIZE = 25;

	/** The largest page. */
	public static final int MAX_SIZE = 100;

	public DeskQuery {
		page = Math.max(1, page);
		size = Math.min(MAX_SIZE, Math.max(1, size));
	}

	/** The first page of {@code filter}, newest change first. */
	public static DeskQuery of(DeskFilter filter) {
		return new DeskQuery(filter, 1, DEFAULT_SIZE, DeskSort.UPDATED, false);
	}

	DeskQuery onPage(int other) {
		return new DeskQuery(this.filter, other, this.size, this.sort, this.ascending);
	}

}
