package org.waldur.portal.onboarding.web;

/**
 * One cell of a form's list row: the column and the row's field in it.
 *
 * @param column what the cell holds and how it is entered
 * @param field the row's field for the column
 */
public record CellView(Column column, FieldView field) {

}
