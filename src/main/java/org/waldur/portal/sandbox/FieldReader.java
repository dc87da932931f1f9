package org.waldur.portal.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of a request object the way Django REST framework's serializer fields
 * do: valid values (or defaults) go to {@link #out()}, errors with DRF's messages to
 * {@link #errors()}, in field order. Fields that are not read are dropped.
 */
final class FieldReader {

	static final String REQUIRED = "This field is required.";

	static final String NOT_NULL = "This field may not be null.";

	static final String NOT_BLANK = "This field may not be blank.";

	private static final Pattern INTEGER_TEXT = Pattern.compile("-?\\d+(\\.0*)?");

	private final JsonNode in;

	private final ObjectNode out = JsonNodeFactory.instance.objectNode();

	private final ObjectNode errors = JsonNodeFactory.instance.objectNode();

	FieldReader(JsonNode in) {
		this.in = in;
	}

	ObjectNode out() {
		return this.out;
	}

	ObjectNode errors() {
		return this.errors;
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	@Nullable JsonNode raw(String name) {
		return this.in.get(name);
	}

	void error(String name, String message) {
		this.errors.putArray(name).add(message);
	}

	void error(String name, JsonNode nested) {
		this.errors.set(name, nested);
	}

	/** A character field; {@code defaultValue} is used when absent and not required. */
	@Nullable String text(String name, boolean required, int maxLength, boolean allowBlank, @Nullable String defaultValue) {
		JsonNode value = this.in.get(name);
		if (value == null) {
			return missing(name, required, defaultValue);
		}
		if (value.isNull()) {
			error(name, NOT_NULL);
			return null;
		}
		if (!(value.isString() || value.isNumber())) {
			error(name, "Not a valid string.");
			return null;
		}
		String text = value.isString() ? value.stringValue().strip() : value.asString();
		if (text.isEmpty() && !allowBlank) {
			error(name, NOT_BLANK);
			return null;
		}
		if (text.length() > maxLength) {
			error(name, "Ensure this field has no more than " + maxLength + " characters.");
			return null;
		}
		this.out.put(name, text);
		return text;
	}

	/** A choice field; blank and null are accepted only when allowed. */
	@Nullable String choice(String name, boolean required, boolean allowNull, boolean allowBlank, Collection<String> choices,
			@Nullable String defaultValue) {
		JsonNode value = this.in.get(name);
		if (value == null) {
			return missing(name, required, defaultValue);
		}
		if (value.isNull()) {
			if (allowNull) {
				this.out.putNull(name);
			}
			else {
				error(name, NOT_NULL);
			}
			return null;
		}
		String text = value.isString() ? value.stringValue() : pythonText(value);
		if (text.isEmpty() && allowBlank) {
			this.out.put(name, "");
			return "";
		}
		if (!value.isString() || !choices.contains(text)) {
			error(name, "\"" + text + "\" is not a valid choice.");
			return null;
		}
		this.out.put(name, text);
		return text;
	}

	/** An integer field with optional bounds. */
	@Nullable Integer integer(String name, boolean allowNull, @Nullable Integer min, @Nullable Integer max,
			@Nullable Integer defaultValue, boolean nullByDefault) {
		JsonNode value = this.in.get(name);
		if (value == null) {
			if (defaultValue != null) {
				this.out.put(name, defaultValue);
			}
			else if (nullByDefault) {
				this.out.putNull(name);
			}
			return defaultValue;
		}
		if (value.isNull()) {
			if (allowNull) {
				this.out.putNull(name);
			}
			else {
				error(name, NOT_NULL);
			}
			return null;
		}
		Integer number = toInteger(value);
		if (number == null) {
			error(name, "A valid integer is required.");
			return null;
		}
		if (min != null && number < min) {
			error(name, "Ensure this value is greater than or equal to " + min + ".");
			return null;
		}
		if (max != null && number > max) {
			error(name, "Ensure this value is less than or equal to " + max + ".");
			return null;
		}
		this.out.put(name, number);
		return number;
	}

	/** A boolean field accepting DRF's true and false spellings. */
	@Nullable Boolean bool(String name, @Nullable Boolean defaultValue) {
		JsonNode value = this.in.get(name);
		if (value == null) {
			if (defaultValue != null) {
				this.out.put(name, defaultValue);
			}
			return defaultValue;
		}
		Boolean result = toBoolean(value);
		if (result == null) {
			error(name, value.isNull() ? NOT_NULL : "Must be a valid boolean.");
			return null;
		}
		this.out.put(name, result);
		return result;
	}

	/** A decimal given as a string or number, stored as a string with fixed scale. */
	@Nullable String decimal(String name, int scale, String defaultValue) {
		JsonNode value = this.in.get(name);
		if (value == null) {
			this.out.put(name, defaultValue);
			return defaultValue;
		}
		try {
			BigDecimal number = new BigDecimal(value.isString() ? value.stringValue().strip() : value.asString());
			String text = number.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
			this.out.put(name, text);
			return text;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			error(name, "A valid number is required.");
			return null;
		}
	}

	private @Nullable String missing(String name, boolean required, @Nullable String defaultValue) {
		if (required) {
			error(name, REQUIRED);
			return null;
		}
		if (defaultValue != null) {
			this.out.put(name, defaultValue);
		}
		return defaultValue;
	}

	static @Nullable Integer toInteger(JsonNode value) {
		String text;
		if (value.isNumber()) {
			text = value.asString();
		}
		else if (value.isString()) {
			text = value.stringValue().strip();
		}
		else {
			return null;
		}
		if (!INTEGER_TEXT.matcher(text).matches()) {
			return null;
		}
		try {
			return new BigDecimal(text).intValueExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	static @Nullable Boolean toBoolean(JsonNode value) {
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		String text = value.isString() || value.isNumber() ? value.asString() : "";
		return switch (text) {
			case "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES", "y", "Y", "t", "T", "1" -> true;
			case "false", "False", "FALSE", "off", "Off", "OFF", "no", "No", "NO", "n", "N", "f", "F", "0" -> false;
			default -> null;
		};
	}

	/** How Python's {@code str()} prints a JSON value in DRF's choice error. */
	static String pythonText(JsonNode value) {
		if (value.isBoolean()) {
			return value.booleanValue() ? "True" : "False";
		}
		if (value.isString()) {
			return value.stringValue();
		}
		return value.toString();
	}

}
