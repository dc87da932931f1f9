package org.waldur.portal.onboarding.web;

import java.util.List;
import java.util.Map;

/**
 * One row of a list of a form (a component or a plan of the offering), its fields read
 * once for the page.
 *
 * @param index the row's position from 0, as in its fields' names
 * @param fields the row's fields by property name, such as {@code type}
 * @param cells the row's fields in the order of the form's columns
 */
public record RowView(int index, Map<String, FieldView> fields, List<CellView> cells) {

	/** The row's position from 1, as users count. */
	public int number() {
		return this.index + 1;
	}

	/** The row's field of the given property name. */
	public FieldView field(String name) {
		FieldView field = this.fields.get(name);
		if (field == null) {
			throw new IllegalArgumentException("No field " + name + " in this row");
		}
		return field;
	}

}
