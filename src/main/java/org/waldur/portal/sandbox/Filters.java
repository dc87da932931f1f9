package org.waldur.portal.sandbox;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.WaldurUuid;

/**
 * Query filters of django-filter with their 400 answers for invalid values.
 */
final class Filters {

	private Filters() {
	}

	/** A UUID filter in Waldur's 32-hex form, or {@code null} when absent. */
	static @Nullable String uuid(ApiRequest request, String name) {
		String value = request.param(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		return WaldurUuid.parse(value.strip())
			.map(WaldurUuid::hex)
			.orElseThrow(() -> ApiException.field(name, "Enter a valid UUID."));
	}

	/** A multiple-choice filter. */
	static List<String> choices(ApiRequest request, String name, List<String> allowed) {
		List<String> values = request.params(name).stream().filter((value) -> !value.isEmpty()).toList();
		for (String value : values) {
			if (!allowed.contains(value)) {
				throw ApiException.field(name,
						"Select a valid choice. " + value + " is not one of the available choices.");
			}
		}
		return values;
	}

	/** A boolean filter: {@code null} when absent. */
	static @Nullable Boolean bool(ApiRequest request, String name) {
		String value = request.param(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes" -> true;
			case "false", "0", "no" -> false;
			default -> throw ApiException.field(name, "Enter a valid boolean.");
		};
	}

}
