package org.waldur.portal.desk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.desk.DeskFilter;
import org.waldur.portal.desk.DeskPage;
import org.waldur.portal.desk.DeskQuery;
import org.waldur.portal.desk.DeskSort;
import org.waldur.portal.onboarding.OnboardingStatus;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of the desk list (pages, sort headers, status counts), each keeping the
 * current filter, so the template only renders them.
 */
final class DeskLinks {

	private DeskLinks() {
	}

	/**
	 * A status with its count and the link that filters by it.
	 *
	 * @param label what to show
	 * @param key the status name, or {@code ALL}
	 * @param count sessions in it
	 * @param href link to the list filtered by it
	 * @param active whether the list is filtered by it now
	 */
	record StatusLink(String label, String key, long count, String href, boolean active) {
	}

	static String href(DeskQuery query) {
		DeskFilter f = query.filter();
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/onboarding");
		param(uri, "status", (f.status() != null) ? f.status().name() : null);
		param(uri, "step", (f.step() != null) ? f.step().slug() : null);
		param(uri, "attention", f.attention() ? "true" : null);
		param(uri, "createdBy", f.createdBy());
		param(uri, "assignee", f.assignee());
		param(uri, "customer", f.customer());
		param(uri, "from", (f.from() != null) ? f.from().toString() : null);
		param(uri, "to", (f.to() != null) ? f.to().toString() : null);
		param(uri, "q", f.text());
		param(uri, "sort", query.sort().name().toLowerCase(Locale.ROOT));
		param(uri, "dir", query.ascending() ? "asc" : "desc");
		param(uri, "size", (query.size() != DeskQuery.DEFAULT_SIZE) ? String.valueOf(query.size()) : null);
		param(uri, "page", (query.page() > 1) ? String.valueOf(query.page()) : null);
		return uri.encode().build().toUriString();
	}

	/**
	 * The list's heading, agreeing with its filter: "Onboardings needing attention",
	 * "Assigned to me", "Completed onboardings", and "(filtered)" when more narrows it.
	 */
	static String heading(DeskQuery query, String me, boolean seesAll) {
		DeskFilter f = query.filter();
		String heading;
		if (f.status() == OnboardingStatus.NEEDS_ATTENTION) {
			heading = "Onboardings needing attention";
		}
		else if (f.status() != null) {
			heading = f.status().label() + " onboardings";
		}
		else {
			heading = seesAll ? "All onboardings" : "My onboardings";
		}
		boolean mine = me.equals(f.assignee());
		if (mine) {
			heading = (f.status() == null) ? "Assigned to me" : heading + ", assigned to me";
		}
		boolean narrowed = f.step() != null || f.attention() || f.createdBy() != null || (f.assignee() != null && !mine)
				|| f.customer() != null || f.from() != null || f.to() != null || f.text() != null;
		return narrowed ? heading + " (filtered)" : heading;
	}

	/** The list of what is assigned to {@code me}, keeping the rest of the filter. */
	static String assignedTo(DeskQuery query, String me) {
		DeskFilter f = query.filter();
		return href(new DeskQuery(new DeskFilter(f.status(), f.step(), f.attention(), f.createdBy(), me, f.customer(),
				f.from(), f.to(), f.text()), 1, query.size(), query.sort(), query.ascending()));
	}

	/**
	 * Per sortable column: {@code ascending} or {@code descending} for the column the
	 * list is sorted by (for {@code aria-sort}), {@code none} for the others.
	 */
	static Map<String, String> sortStates(DeskQuery query) {
		Map<String, String> states = new LinkedHashMap<>();
		for (DeskSort sort : DeskSort.values()) {
			states.put(sort.name().toLowerCase(Locale.ROOT),
					(sort != query.sort()) ? "none" : query.ascending() ? "ascending" : "descending");
		}
		return states;
	}

	static Map<String, String> pages(DeskQuery query, DeskPage page) {
		Map<String, String> links = new LinkedHashMap<>();
		if (page.hasPrevious()) {
			links.put("first", href(at(query, 1)));
			links.put("previous", href(at(query, page.page() - 1)));
		}
		if (page.hasNext()) {
			links.put("next", href(at(query, page.page() + 1)));
			links.put("last", href(at(query, page.totalPages())));
		}
		return links;
	}

	/**
	 * Per column: the link sorting by it (reversing the direction if it is the current
	 * sort).
	 */
	static Map<String, String> sorts(DeskQuery query) {
		Map<String, String> links = new LinkedHashMap<>();
		for (DeskSort sort : DeskSort.values()) {
			boolean ascending = (sort == query.sort()) ? !query.ascending()
					: sort == DeskSort.TITLE || sort == DeskSort.STATUS;
			links.put(sort.name().toLowerCase(Locale.ROOT),
					href(new DeskQuery(query.filter(), 1, query.size(), sort, ascending)));
		}
		return links;
	}

	static List<StatusLink> statuses(DeskQuery query, DeskPage page) {
		List<StatusLink> links = new ArrayList<>();
		long all = page.counts().values().stream().mapToLong(Long::longValue).sum();
		links.add(new StatusLink("All", "ALL", all, href(withStatus(query, null)), query.filter().status() == null));
		for (OnboardingStatus status : OnboardingStatus.values()) {
			links.add(new StatusLink(status.label(), status.name(), page.counts().get(status),
					href(withStatus(query, status)), status == query.filter().status()));
		}
		return links;
	}

	private static DeskQuery at(DeskQuery query, int page) {
		return new DeskQuery(query.filter(), page, query.size(), query.sort(), query.ascending());
	}

	private static DeskQuery withStatus(DeskQuery query, @Nullable OnboardingStatus status) {
		return new DeskQuery(query.filter().withStatus(status), 1, query.size(), query.sort(), query.ascending());
	}

	private static void param(UriComponentsBuilder uri, String name, @Nullable String value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}

}
