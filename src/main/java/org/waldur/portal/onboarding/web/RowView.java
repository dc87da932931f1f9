package org.waldur.portal.onboarding.web;

import java.util.List;

/**
 * One row of a list of a form (a component or a plan of the offering), its fields read
 * once for the page.
 *
 * @param index the row's position from 0, as in its fields' names
 * @param cells the row's fields in the order of the form's columns
 */
public record RowView(int index, List<CellView> cells) {

	/** The row's position from 1, as users count. */
	public int number() {
		return this.index + 1;
	}

	/** The row's field of the given property name. */
	public FieldView field(String name) {
		for (CellView cell : this.cells) {
			if (cell.column().name().equals(name)) {
				return cell.field();
			}
		}
		throw new IllegalArgumentException("No field " + name + " in this row");
	}

}
