package org.waldur.portal.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

/**
 * An authenticated call to the sandbox API.
 *
 * @param method HTTP method
 * @param path path below the API root, such as {@code users/}
 * @param variables path variables of the matched route
 * @param query query parameters (decoded)
 * @param rawBody the request body as text
 * @param contentType the request's content type, if any
 * @param caller the authenticated sandbox user
 * @param apiRoot absolute API root for hyperlinks, ending with {@code /}
 * @param requestUrl the absolute request URL with its query, for pagination links
 */
record ApiRequest(String method, String path, Map<String, String> variables, MultiValueMap<String, String> query,
		String rawBody, @Nullable String contentType, SandboxUser caller, String apiRoot, String requestUrl) {

	String variable(String name) {
		String value = this.variables.get(name);
		if (value == null) {
			throw new IllegalStateException("No path variable " + name);
		}
		return value;
	}

	/** The first value of a query parameter, or {@code null} when absent. */
	@Nullable String param(String name) {
		return this.query.getFirst(name);
	}

	List<String> params(String name) {
		List<String> values = this.query.get(name);
		return (values != null) ? values : List.of();
	}

	/** The parsed JSON body ({@code {}} when empty), with DRF's 400 and 415 answers. */
	JsonNode body() {
		if (this.rawBody.isBlank()) {
			return JsonNodeFactory.instance.objectNode();
		}
		String type = (this.contentType != null) ? this.contentType : "";
		if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw ApiException.detail(415, "Unsupported media type \"" + type + "\" in request.");
		}
		try {
			return JsonMapper.shared().readTree(this.rawBody);
		}
		catch (JacksonException ex) {
			throw ApiException.detail(400, "JSON parse error - " + ex.getOriginalMessage());
		}
	}

	/** The body as an object, as a serializer requires. */
	ObjectNode object() {
		JsonNode body = body();
		if (!body.isObject()) {
			throw ApiException.badRequest(SandboxJson.errors("non_field_errors",
					"Invalid data. Expected a dictionary, but got " + SandboxJson.pythonType(body) + "."));
		}
		return (ObjectNode) body;
	}

}
