package org.waldur.portal.waldur;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of Waldur's API: snake_case names, unknown fields ignored, missing or
 * {@code null} primitives read as their defaults.
 */
final class WaldurJson {

	private WaldurJson() {
	}

	static JsonMapper mapper() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.build();
	}

}
