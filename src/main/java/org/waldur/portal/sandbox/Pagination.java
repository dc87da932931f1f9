package org.waldur.portal.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Waldur's {@code LinkHeaderPagination}: a bare JSON array, {@code X-Result-Count} and a
 * {@code Link} header with first, prev, next and last; {@code page} and {@code page_size}
 * (default 10, at most 300).
 */
final class Pagination {

	static final int DEFAULT_PAGE_SIZE = 10;

	static final int MAX_PAGE_SIZE = 300;

	private Pagination() {
	}

	static <T> ApiResponse page(ApiRequest request, List<T> items, Function<T, JsonNode> render) {
		int size = pageSize(request.param("page_size"));
		int pages = Math.max(1, (items.size() + size - 1) / size);
		int page = pageNumber(request.param("page"), pages);
		ArrayNode body = JsonNodeFactory.instance.arrayNode();
		items.subList((page - 1) * size, Math.min(items.size(), page * size))
			.forEach((item) -> body.add(render.apply(item)));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Result-Count", Integer.toString(items.size()));
		String link = link(request.requestUrl(), page, pages);
		if (!link.isEmpty()) {
			headers.put("Link", link);
		}
		return new ApiResponse(200, body, headers);
	}

	private static int pageSize(@Nullable String value) {
		Integer size = positive(value);
		return (size == null) ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
	}

	private static int pageNumber(@Nullable String value, int pages) {
		if (value == null || value.isEmpty()) {
			return 1;
		}
		Integer page = "last".equals(value) ? Integer.valueOf(pages) : positive(value);
		if (page == null || page > pages) {
			throw ApiException.detail(404, "Invalid page.");
		}
		return page;
	}

	private static @Nullable Integer positive(@Nullable String value) {
		if (value == null || !value.matches("\\d{1,9}")) {
			return null;
		}
		int number = Integer.parseInt(value);
		return (number > 0) ? number : null;
	}

	private static String link(String url, int page, int pages) {
		List<String> links = new ArrayList<>();
		if (page > 1) {
			links.add(rel(withPage(url, 1), "first"));
			links.add(rel(withPage(url, page - 1), "prev"));
		}
		if (page < pages) {
			links.add(rel(withPage(url, page + 1), "next"));
			links.add(rel(withPage(url, pages), "last"));
		}
		return String.join(", ", links);
	}

	private static String withPage(String url, int page) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(url);
		return ((page == 1) ? builder.replaceQueryParam("page") : builder.replaceQueryParam("page", page)).build()
			.toUriString();
	}

	private static String rel(String url, String rel) {
		return "<" + url + ">; rel=\"" + rel + "\"";
	}

}
