package org.waldur.portal.waldur;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.waldur.portal.waldur.WaldurTransport.WaldurResponse;

/**
 * Reads the JSON body of a successful response into the expected type, or fails with a
 * {@link WaldurProtocolException} that keeps the raw body (for a change, with a
 * {@link WaldurOutcomeUnknownException}: see {@link WaldurFailures#unreadable}).
 */
final class WaldurReader {

	private final JsonMapper json;

	private final WaldurFailures failures;

	WaldurReader(JsonMapper json, WaldurFailures failures) {
		this.json = json;
		this.failures = failures;
	}

	<T> T read(WaldurCall call, WaldurResponse response, Class<T> type) {
		return read(call, response, this.json.constructType(type));
	}

	<T> List<T> readList(WaldurCall call, WaldurResponse response, Class<T> type) {
		return read(call, response, this.json.getTypeFactory().constructCollectionType(List.class, type));
	}

	private <T> T read(WaldurCall call, WaldurResponse response, JavaType type) {
		if (response.body().isBlank()) {
			throw this.failures.unreadable(call, response.exchange(), "an empty body where JSON was expected", null);
		}
		T value;
		try {
			value = this.json.readValue(response.body(), type);
		}
		catch (DatabindException ex) {
			// The path names fields only; the message could quote a token from the body.
			throw this.failures.unreadable(call, response.exchange(),
					"JSON that does not match " + type.getRawClass().getSimpleName() + " at " + ex.getPathReference(),
					null);
		}
		catch (JacksonException ex) {
			throw this.failures.unreadable(call, response.exchange(), "a body that is not valid JSON", null);
		}
		if (value == null) {
			throw this.failures.unreadable(call, response.exchange(), "a null body", null);
		}
		return value;
	}

}
