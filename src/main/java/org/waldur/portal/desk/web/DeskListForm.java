package org.waldur.portal.desk.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.desk.DeskFilter;
import org.waldur.portal.desk.DeskQuery;
import org.waldur.portal.desk.DeskSort;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;

/**
 * The query parameters of the desk list, as typed. Unknown values are ignored rather than
 * refused, so an edited link still shows a list.
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

	DeskQuery toQuery() {
		DeskFilter filter = new DeskFilter(status(this.status), step(this.step), Boolean.TRUE.equals(this.attention),
				this.createdBy, this.assignee, this.customer, date(this.from), date(this.to), this.q);
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

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
