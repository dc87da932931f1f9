package org.waldur.portal.desk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.waldur.portal.onboarding.OnboardingDirectory;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk list: one page of onboardings matching a filter and the counts per status,
 * read through onboarding's {@link OnboardingDirectory} (only the list's columns, no
 * entities). Operators see only onboardings they started or are assigned to.
 */
@Service
@Transactional(readOnly = true)
public class DeskSearch {

	private final OnboardingDirectory directory;

	DeskSearch(OnboardingDirectory directory) {
		this.directory = directory;
	}

	/** The page of {@code query}, clamped to the last page, for {@code viewer}. */
	public DeskPage search(DeskQuery query, Viewer viewer) {
		OnboardingDirectory.Filter filter = query.filter().toDirectory();
		Map<OnboardingStatus, Long> counts = this.directory.counts(filter, viewer);
		OnboardingStatus status = query.filter().status();
		long total = (status != null) ? counts.get(status) : counts.values().stream().mapToLong(Long::longValue).sum();
		int lastPage = (int) Math.max(1, (total + query.size() - 1) / query.size());
		DeskQuery page = (query.page() > lastPage) ? query.onPage(lastPage) : query;
		List<DeskRow> rows = (total == 0) ? List.of() : rows(page, filter, total, viewer);
		return new DeskPage(rows, page.page(), page.size(), total, counts);
	}

	/**
	 * Reads one page. Pages past the middle are read from the other end in the reverse
	 * order, so the last page costs as little as the first.
	 */
	private List<DeskRow> rows(DeskQuery query, OnboardingDirectory.Filter filter, long total, Viewer viewer) {
		long offset = (long) (query.page() - 1) * query.size();
		boolean fromEnd = offset > total / 2;
		long limit = query.size();
		if (fromEnd) {
			long end = Math.min(total, offset + query.size());
			limit = end - offset;
			offset = total - end;
		}
		List<DeskRow> rows = new ArrayList<>();
		this.directory.summaries(filter, query.sort().order(), query.ascending() != fromEnd, offset, limit, viewer)
			.forEach((summary) -> rows.add(DeskRow.of(summary)));
		if (fromEnd) {
			Collections.reverse(rows);
		}
		return rows;
	}

	/**
	 * The people the list can be filtered by, for the filter's suggestions: everyone who
	 * started an onboarding or has one assigned, that {@code viewer} can see.
	 */
	public List<String> people(Viewer viewer) {
		return this.directory.people(viewer);
	}

}
