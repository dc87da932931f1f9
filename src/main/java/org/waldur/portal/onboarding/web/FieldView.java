package org.waldur.portal.onboarding.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A form field as a page shows it: its name, the id its label points at, the value to
 * show (what was typed when it was refused) and its error messages. Built once per page
 * by {@link FormView}, so templates read plain values instead of asking the binding
 * result again for every attribute.
 *
 * @param name the request parameter, such as {@code components[0].type}
 * @param id the element id, the name without brackets ({@code components0.type})
 * @param value the value to show, empty when there is none
 * @param errors the messages of the field's errors, in the order they were found
 */
public record FieldView(String name, String id, String value, List<String> errors) {

	/** Whether the field has an error. */
	public boolean invalid() {
		return !this.errors.isEmpty();
	}

	/** The id of the field's help text. */
	public String helpId() {
		return this.id + "-help";
	}

	/** The id of the field's error text. */
	public String errorId() {
		return this.id + "-error";
	}

	/**
	 * The {@code aria-describedby} of the field: its help and its error, or null when it
	 * has neither.
	 */
	public @Nullable String describedBy(boolean help) {
		if (help && invalid()) {
			return helpId() + " " + errorId();
		}
		return help ? helpId() : (invalid() ? errorId() : null);
	}

	/** Whether the field's value is the given option. */
	public boolean is(String option) {
		return this.value.equals(option);
	}

	/** Whether a check box field is ticked. */
	public boolean checked() {
		return "true".equals(this.value);
	}

	/** The messages joined for one error text. */
	public String message() {
		return String.join(" ", this.errors);
	}

}
