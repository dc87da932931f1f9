package org.waldur.portal.waldur;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * Reads Waldur's pagination: the total in {@code X-Result-Count}, the neighbours in
 * {@code Link} ({@code <url>; rel="next"}).
 */
final class WaldurPages {

	static final int MAX_PAGE_SIZE = 300;

	static final String RESULT_COUNT = "X-Result-Count";

	private static final Pattern NEXT = Pattern.compile("<[^>]*>\\s*;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

	<T> WaldurPage<T> page(List<T> items, HttpHeaders headers, int page, int pageSize) {
		String links = String.join(",", headers.getOrEmpty(HttpHeaders.LINK));
		boolean hasNext = NEXT.matcher(links).find();
		return new WaldurPage<>(items, total(headers, items.size(), page, pageSize, hasNext), page, pageSize, hasNext);
	}

	private static long total(HttpHeaders headers, int count, int page, int pageSize, boolean hasNext) {
		String value = headers.getFirst(RESULT_COUNT);
		if (value != null) {
			try {
				return Long.parseLong(value.trim());
			}
			catch (NumberFormatException ex) {
				// Fall back to what the page itself tells.
			}
		}
		long seen = (long) (page - 1) * pageSize + count;
		return hasNext ? seen + 1 : seen;
	}

}
