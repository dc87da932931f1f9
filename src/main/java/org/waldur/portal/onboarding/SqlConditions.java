package org.waldur.portal.onboarding;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code where} clause built from fixed SQL fragments and bound values: user input only
 * ever travels as a parameter.
 */
final class SqlConditions {

	private final List<String> clauses = new ArrayList<>();

	private final List<Object> values = new ArrayList<>();

	SqlConditions add(String clause, Object... params) {
		this.clauses.add(clause);
		this.values.addAll(List.of(params));
		return this;
	}

	boolean isEmpty() {
		return this.clauses.isEmpty();
	}

	String where() {
		return this.clauses.isEmpty() ? "" : " where " + String.join(" and ", this.clauses);
	}

	List<Object> values() {
		return List.copyOf(this.values);
	}

	/** A {@code like} pattern that matches {@code text} literally. */
	static String literal(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
