package org.waldur.portal.onboarding.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A column of a form's list rows (a component or a plan of the offering): the row's
 * property, its label, and how it is entered.
 *
 * @param name the row's property, such as {@code type}
 * @param label the label shown above the input
 * @param type the input type ({@code text}, {@code number}), ignored for a list
 * @param options the choices of a list, or {@code null} for an input
 * @param width the column's grid class, such as {@code col-md-2}
 */
public record Column(String name, String label, String type, @Nullable List<Choice> options, String width) {

	static Column text(String name, String label, String width) {
		return new Column(name, label, "text", null, width);
	}

	static Column number(String name, String label, String width) {
		return new Column(name, label, "number", null, width);
	}

	static Column list(String name, String label, List<Choice> options, String width) {
		return new Column(name, label, "text", options, width);
	}

	/** Whether the column is a list to choose from rather than an input. */
	public boolean isList() {
		return this.options != null;
	}

}
