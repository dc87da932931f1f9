package org.waldur.portal.onboarding;

import jakarta.persistence.AttributeConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores step inputs as JSON text.
 */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Class<T> type;

	JsonColumn(Class<T> type) {
		this.type = type;
	}

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable T value) {
		return (value != null) ? JSON.writeValueAsString(value) : null;
	}

	@Override
	public @Nullable T convertToEntityAttribute(@Nullable String json) {
		return (json != null) ? JSON.readValue(json, this.type) : null;
	}

	static final class Offering extends JsonColumn<OfferingInput> {

		Offering() {
			super(OfferingInput.class);
		}

	}

	static final class Integration extends JsonColumn<IntegrationInput> {

		Integration() {
			super(IntegrationInput.class);
		}

	}

	static final class Account extends JsonColumn<AccountInput> {

		Account() {
			super(AccountInput.class);
		}

	}

	static final class Strings extends JsonColumn<String[]> {

		Strings() {
			super(String[].class);
		}

	}

	static final class Candidates extends JsonColumn<OfferingCandidate[]> {

		Candidates() {
			super(OfferingCandidate[].class);
		}

	}

}
