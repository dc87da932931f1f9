package org.waldur.portal.onboarding.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

/**
 * Puts Waldur's field messages from a rejected request next to the matching form fields:
 * {@code components[1].billing_type} becomes {@code components[1].billingType},
 * {@code plugin_options.homedir_prefix} becomes {@code homedirPrefix}; the rest go to the
 * form as a whole.
 */
final class WaldurFieldErrors {

	private static final Map<String, String> RENAMED = Map.of("customer", "customerUuid", "category", "categoryUuid");

	private static final Pattern SNAKE = Pattern.compile("_([a-z])");

	private WaldurFieldErrors() {
	}

	static void apply(BindingResult result, Map<String, List<String>> errors) {
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(result.getTarget());
		errors.forEach((path, messages) -> {
			String field = toField(path);
			for (String message : messages) {
				if (field != null && isReadable(form, field)) {
					result.rejectValue(field, "waldur", "Waldur: " + message);
				}
				else {
					result.reject("waldur", "Waldur: "
							+ ((path.isEmpty() || "non_field_errors".equals(path)) ? "" : path + ": ") + message);
				}
			}
		});
	}

	static String toField(String path) {
		String field = path.startsWith("plugin_options.") ? path.substring("plugin_options.".length()) : path;
		field = RENAMED.getOrDefault(field, field);
		Matcher matcher = SNAKE.matcher(field);
		StringBuilder camel = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(camel, matcher.group(1).toUpperCase());
		}
		matcher.appendTail(camel);
		return camel.toString();
	}

	private static boolean isReadable(BeanWrapper form, String field) {
		try {
			return form.isReadableProperty(field);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
