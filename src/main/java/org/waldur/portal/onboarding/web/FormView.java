package org.waldur.portal.onboarding.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The fields of one bound form for a page, read from its binding result: values as typed
 * when they were refused, and messages resolved as Spring's form tags resolve them.
 */
public final class FormView {

	private final BindingResult result;

	private final MessageSource messages;

	FormView(BindingResult result, MessageSource messages) {
		this.result = result;
		this.messages = messages;
	}

	/** The field at the given property path, such as {@code components[0].type}. */
	public FieldView field(String path) {
		Object value = this.result.getFieldValue(path);
		List<String> errors = this.result.hasFieldErrors(path)
				? this.result.getFieldErrors(path).stream().map(this::message).toList() : List.of();
		return new FieldView(path, path.replace("[", "").replace("]", ""), (value != null) ? value.toString() : "",
				errors);
	}

	/**
	 * The rows of a list field, such as {@code components}, with a cell for each of the
	 * given columns.
	 */
	public List<RowView> rows(String list, int count, List<Column> columns) {
		List<RowView> rows = new ArrayList<>(count);
		for (int index = 0; index < count; index++) {
			List<CellView> cells = new ArrayList<>(columns.size());
			for (Column column : columns) {
				cells.add(new CellView(column, field(list + "[" + index + "]." + column.name())));
			}
			rows.add(new RowView(index, List.copyOf(cells)));
		}
		return rows;
	}

	/** The messages of the errors of a whole list field, such as "components". */
	public String listErrors(String path) {
		if (!this.result.hasFieldErrors(path)) {
			return "";
		}
		// getFieldErrors matches the path exactly: the rows' own errors are not included.
		return String.join(" ", this.result.getFieldErrors(path).stream().map(this::message).toList());
	}

	private String message(FieldError error) {
		return this.messages.getMessage(error, LocaleContextHolder.getLocale());
	}

}
