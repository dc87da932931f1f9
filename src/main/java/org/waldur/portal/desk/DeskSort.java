package org.waldur.portal.desk;

/**
 * The columns the desk list may be sorted by. Each maps to indexed SQL; nothing a user
 * types reaches the {@code order by} clause.
 */
public enum DeskSort {

	/** Last change, the default. */
	UPDATED("s.updated_at"),

	/** Start of the onboarding. */
	CREATED("s.created_at"),

	/** Offering name. */
	TITLE("s.title"),

	/** Status, then last change. */
	STATUS("s.status");

	private final String column;

	DeskSort(String column) {
		this.column = column;
	}

	String orderBy(boolean ascending) {
		String direction = ascending ? " asc" : " desc";
		String then = (this == STATUS) ? ", s.updated_at" + direction : "";
		return this.column + direction + then + ", s.id" + direction;
	}

	/** The sort named {@code name} (case-insensitive), or {@link #UPDATED}. */
	public static DeskSort parse(String name) {
		for (DeskSort sort : values()) {
			if (sort.name().equalsIgnoreCase(name)) {
				return sort;
			}
		}
		return UPDATED;
	}

}
