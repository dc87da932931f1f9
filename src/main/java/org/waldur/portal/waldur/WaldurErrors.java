package org.waldur.portal.waldur;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Waldur's validation errors in any of Django REST framework's shapes, flattened into
 * messages per request field path and global messages.
 *
 * @param fieldErrors messages per path such as {@code components[1].billing_type}
 * @param globalErrors messages that belong to no field
 */
record WaldurErrors(Map<String, List<String>> fieldErrors, List<String> globalErrors) {

	private static final List<String> GLOBAL_KEYS = List.of("non_field_errors", "detail");

	static WaldurErrors parse(JsonNode body) {
		WaldurErrors errors = new WaldurErrors(new LinkedHashMap<>(), new ArrayList<>());
		errors.collect("", body);
		return errors;
	}

	/** One line with every message, fields first, for exception messages. */
	String summary() {
		Stream<String> fields = this.fieldErrors.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((message) -> entry.getKey() + ": " + message));
		return Stream.concat(this.globalErrors.stream(), fields).collect(Collectors.joining(" "));
	}

	boolean isEmpty() {
		return this.fieldErrors.isEmpty() && this.globalErrors.isEmpty();
	}

	private void collect(String path, JsonNode node) {
		if (node.isObject()) {
			node.properties().forEach((property) -> collect(child(path, property.getKey()), property.getValue()));
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode element : node.values()) {
				collect(element.isContainer() ? path + "[" + index + "]" : path, element);
				index++;
			}
		}
		else if (!node.isNull() && !node.isMissingNode()) {
			add(path, node.asString());
		}
	}

	private static String child(String path, String name) {
		if (GLOBAL_KEYS.contains(name)) {
			return path;
		}
		return path.isEmpty() ? name : path + "." + name;
	}

	private void add(String path, String message) {
		if (path.isEmpty()) {
			this.globalErrors.add(message);
		}
		else {
			this.fieldErrors.computeIfAbsent(path, (key) -> new ArrayList<>()).add(message);
		}
	}

}
