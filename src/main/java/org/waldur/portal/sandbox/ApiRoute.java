package org.waldur.portal.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One path of the sandbox API, such as {@code users/{uuid}/token/}, with a handler per
 * HTTP method. Path variables match like Django REST framework's router ({@code [^/.]+}).
 */
final class ApiRoute {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	private final Pattern pattern;

	private final List<String> variables = new ArrayList<>();

	private final Map<String, Handler> handlers = new LinkedHashMap<>();

	private ApiRoute(String template) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder regex = new StringBuilder("^");
		int last = 0;
		while (matcher.find()) {
			regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/.]+)");
			this.variables.add(matcher.group(1));
			last = matcher.end();
		}
		regex.append(Pattern.quote(template.substring(last))).append('$');
		this.pattern = Pattern.compile(regex.toString());
	}

	static ApiRoute path(String template) {
		return new ApiRoute(template);
	}

	ApiRoute get(Handler handler) {
		this.handlers.put("GET", handler);
		return this;
	}

	ApiRoute post(Handler handler) {
		this.handlers.put("POST", handler);
		return this;
	}

	ApiRoute patch(Handler handler) {
		this.handlers.put("PATCH", handler);
		return this;
	}

	ApiRoute put(Handler handler) {
		this.handlers.put("PUT", handler);
		return this;
	}

	/** The path variables if the path matches this route, else {@code null}. */
	@Nullable Map<String, String> match(String path) {
		Matcher matcher = this.pattern.matcher(path);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < this.variables.size(); i++) {
			values.put(this.variables.get(i), matcher.group(i + 1));
		}
		return values;
	}

	@Nullable Handler handler(String method) {
		return this.handlers.get(("HEAD".equals(method)) ? "GET" : method);
	}

	Set<String> methods() {
		return this.handlers.keySet();
	}

	/** Answers one call. */
	@FunctionalInterface
	interface Handler {

		ApiResponse handle(ApiRequest request);

	}

}
