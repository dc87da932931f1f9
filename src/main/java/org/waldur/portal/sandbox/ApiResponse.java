package org.waldur.portal.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A successful answer of the sandbox API.
 *
 * @param status HTTP status
 * @param body JSON body, or {@code null} for an empty body
 * @param headers extra response headers
 */
record ApiResponse(int status, @Nullable JsonNode body, Map<String, String> headers) {

	static ApiResponse ok(JsonNode body) {
		return new ApiResponse(200, body, Map.of());
	}

	static ApiResponse created(JsonNode body) {
		return new ApiResponse(201, body, Map.of());
	}

	static ApiResponse empty(int status) {
		return new ApiResponse(status, null, Map.of());
	}

	ApiResponse withHeaders(Map<String, String> extra) {
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.putAll(extra);
		return new ApiResponse(this.status, this.body, all);
	}

}
