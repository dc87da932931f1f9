package org.waldur.portal.waldur;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waldur refused the request as invalid (HTTP 400 and other client errors). Its messages
 * are split into {@link #fieldErrors()}, keyed by the path of the request field such as
 * {@code plugin_options.homedir_prefix} or {@code components[1].billing_type}, and
 * {@link #globalErrors()}, so that a form can show each next to the matching field.
 */
public final class WaldurRejectedException extends WaldurException {

	private final Map<String, List<String>> fieldErrors;

	private final List<String> globalErrors;

	WaldurRejectedException(String message, WaldurExchange exchange, Map<String, List<String>> fieldErrors,
			List<String> globalErrors) {
		super(message, exchange);
		Map<String, List<String>> copy = new LinkedHashMap<>();
		fieldErrors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
		this.fieldErrors = Collections.unmodifiableMap(copy);
		this.globalErrors = List.copyOf(globalErrors);
	}

	/** Messages per request field path, in the order Waldur gave them. */
	public Map<String, List<String>> fieldErrors() {
		return this.fieldErrors;
	}

	/** Messages that belong to no single field. */
	public List<String> globalErrors() {
		return this.globalErrors;
	}

}
