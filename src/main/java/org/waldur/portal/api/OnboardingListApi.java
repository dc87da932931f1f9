package org.waldur.portal.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.desk.DeskFilter;
import org.waldur.portal.desk.DeskPage;
import org.waldur.portal.desk.DeskQuery;
import org.waldur.portal.desk.DeskRow;
import org.waldur.portal.desk.DeskSearch;
import org.waldur.portal.desk.DeskSort;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The onboarding list with the desk's filters, sorting and paging: support staff and
 * auditors see every onboarding, operators their own.
 */
@RestController
@Tag(name = "Onboardings")
@SecurityRequirement(name = "portal-token")
class OnboardingListApi {

	private final DeskSearch search;

	OnboardingListApi(DeskSearch search) {
		this.search = search;
	}

	/**
	 * One page of the list.
	 *
	 * @param items the onboardings on this page
	 * @param page this page, from 1
	 * @param size rows per page
	 * @param total onboardings matching the filter
	 * @param totalPages pages in all
	 * @param counts onboardings per status matching the filter without its status
	 */
	record Page(List<DeskRow> items, int page, int size, long total, int totalPages,
			Map<OnboardingStatus, Long> counts) {
	}

	@GetMapping("/api/v1/onboardings")
	@Operation(summary = "List onboardings with the desk's filters and paging",
			description = "status (a status name), step (a step slug), attention=true, createdBy, assignee, customer "
					+ "(UUID or start of the name), from/to (ISO days, start date in UTC), q (offering name, start of "
					+ "the offering UUID or service username), page (from 1), size (1-100), "
					+ "sort=updated|created|title|status, dir=asc|desc.")
	Page list(@RequestParam(required = false) @Nullable OnboardingStatus status,
			@RequestParam(required = false) @Nullable OnboardingStep step,
			@RequestParam(defaultValue = "false") boolean attention,
			@RequestParam(required = false) @Nullable String createdBy,
			@RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "25") int size, @RequestParam(defaultValue = "updated") String sort,
			@RequestParam(required = false) @Nullable String dir, Viewer viewer) {
		List<ApiProblems.FieldProblem> errors = new ArrayList<>();
		LocalDate first = day(from, "from", errors);
		LocalDate last = day(to, "to", errors);
		if (size < 1 || size > DeskQuery.MAX_SIZE) {
			errors.add(new ApiProblems.FieldProblem("size", "Ask for 1 to " + DeskQuery.MAX_SIZE + " rows.", null));
		}
		if (page < 1) {
			errors.add(new ApiProblems.FieldProblem("page", "Pages are counted from 1.", null));
		}
		if (!errors.isEmpty()) {
			throw new ApiProblems.FieldsProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Some filters are invalid.",
					errors);
		}
		DeskSort order = DeskSort.parse(sort);
		boolean ascending = (dir != null) ? "asc".equalsIgnoreCase(dir)
				: order == DeskSort.TITLE || order == DeskSort.STATUS;
		DeskFilter filter = new DeskFilter(status, step, attention, createdBy, assignee, customer, first, last, q);
		DeskPage found = this.search.search(new DeskQuery(filter, page, size, order, ascending), viewer);
		return new Page(found.rows(), found.page(), found.size(), found.total(), found.totalPages(), found.counts());
	}

	private static @Nullable LocalDate day(@Nullable String text, String field, List<ApiProblems.FieldProblem> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.getYear() >= 1 && day.isBefore(LocalDate.of(9999, 12, 31))) {
				return day;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		errors.add(new ApiProblems.FieldProblem(field,
				"Enter a day such as 2026-12-01, between 0001-01-01 and " + "9999-12-30.", null));
		return null;
	}

}
