package org.waldur.portal.desk.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.desk.DeskFilter;
import org.waldur.portal.desk.DeskQuery;
import org.waldur.portal.desk.DeskSort;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;

/**
 * The query parameters of the desk list, as typed. Unknown values are ignored rather than
 * refused, so an edited link still shows a list; dates that are not days of the years 1
 * to 9999 are reported by {@link #dateErrors()}.
 *
 * @param status a status name
 * @param step a step slug
 * @param attention {@code true} for only the sessions needing attention
 * @param createdBy account that started the onboarding
 * @param assignee account it is assigned to
 * @param customer provider organisation UUID or the start of its name
 * @param from first day (ISO date)
 * @param to last day (ISO date)
 * @param q free text
 * @param page page number from 1
 * @param size rows per page
 * @param sort {@code updated}, {@code created}, {@code title} or {@code status}
 * @param dir {@code asc} or {@code desc}
 */
record DeskListForm(@Nullable String status, @Nullable String step, @Nullable Boolean attention,
		@Nullable String createdBy, @Nullable String assignee, @Nullable String customer, @Nullable String from,
		@Nullable String to, @Nullable String q, @Nullable Integer page, @Nullable Integer size, @Nullable String sort,
		@Nullable String dir) {

	/** The first day a filter may name. */
	static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	/** The last day a filter may name (the day after it must still exist in SQL). */
	static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

	DeskQuery toQuery() {
		// "Needs attention" is a status: the tab of that status shows it, with its
		// heading.
		OnboardingStatus chosen = status(this.status);
		boolean attentionOnly = Boolean.TRUE.equals(this.attention) && chosen == null;
		DeskFilter filter = new DeskFilter(attentionOnly ? OnboardingStatus.NEEDS_ATTENTION : chosen, step(this.step),
				Boolean.TRUE.equals(this.attention) && !attentionOnly, this.createdBy, this.assignee, this.customer,
				date(this.from), date(this.to), this.q);
		DeskSort order = (this.sort != null) ? DeskSort.parse(this.sort) : DeskSort.UPDATED;
		boolean ascending = (this.dir != null) ? "asc".equalsIgnoreCase(this.dir)
				: order == DeskSort.TITLE || order == DeskSort.STATUS;
		return new DeskQuery(filter, (this.page != null) ? this.page : 1,
				(this.size != null) ? this.size : DeskQuery.DEFAULT_SIZE, order, ascending);
	}

	private static @Nullable OnboardingStatus status(@Nullable String name) {
		for (OnboardingStatus status : OnboardingStatus.values()) {
			if (status.name().equalsIgnoreCase(name)) {
				return status;
			}
		}
		return null;
	}

	private static @Nullable OnboardingStep step(@Nullable String slug) {
		for (OnboardingStep step : OnboardingStep.values()) {
			if (step.slug().equals(slug) || step.name().equalsIgnoreCase(slug)) {
				return step;
			}
		}
		return null;
	}

	/**
	 * What is wrong with the typed dates, one message per field ({@code from},
	 * {@code to}); empty when both are absent or valid days.
	 */
	Map<String, String> dateErrors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (invalid(this.from)) {
			errors.put("from", "Enter the first day as a date between " + FIRST_DAY + " and " + LAST_DAY);
		}
		if (invalid(this.to)) {
			errors.put("to", "Enter the last day as a date between " + FIRST_DAY + " and " + LAST_DAY);
		}
		return errors;
	}

	private static boolean invalid(@Nullable String text) {
		return text != null && !text.isBlank() && date(text) == null;
	}

	/** The day, or {@code null} when absent, not a date or beyond the years 1 to 9999. */
	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip().toUpperCase(Locale.ROOT));
			return (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) ? null : day;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
