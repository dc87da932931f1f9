package org.waldur.portal.waldur;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks secrets in bodies kept on record: JSON fields named {@code token},
 * {@code secret_options}, {@code password} or ending in {@code _token}, any literal
 * occurrence of a token in use, and {@code Token <key>} in non-JSON text. Truncates long
 * bodies.
 */
final class SecretMasking {

	static final String MASK = "******";

	static final int MAX_BODY_CHARS = 64 * 1024;

	private static final Pattern SECRET_JSON_FIELD = Pattern
		.compile("(\"(?:[A-Za-z_]*token|secret_options|[A-Za-z_]*password[A-Za-z_]*)\"\\s*:\\s*)"
				+ "(\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^{}]*}|[^,}\\]\\s]+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern TOKEN_HEADER = Pattern.compile("(?i)(token\\s+)[A-Za-z0-9_\\-.]{8,}");

	private final JsonMapper json;

	SecretMasking(JsonMapper json) {
		this.json = json;
	}

	static boolean isSecretField(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("token") || lower.endsWith("_token") || lower.equals("secret_options")
				|| lower.contains("password") || lower.equals("authorization");
	}

	/** The body with secrets masked and at most {@link #MAX_BODY_CHARS} characters. */
	@Nullable String mask(@Nullable String body, Collection<String> secrets) {
		if (body == null || body.isEmpty()) {
			return body;
		}
		String masked = maskStructure(body);
		for (String secret : secrets) {
			if (secret.length() >= 4) {
				masked = masked.replace(secret, MASK);
			}
		}
		return truncate(masked);
	}

	private String maskStructure(String body) {
		try {
			JsonNode tree = this.json.readTree(body);
			if (tree.isContainer()) {
				maskNode(tree);
				return this.json.writeValueAsString(tree);
			}
		}
		catch (JacksonException ex) {
			// Not JSON: mask by pattern below.
		}
		String masked = SECRET_JSON_FIELD.matcher(body).replaceAll("$1\"" + MASK + "\"");
		return TOKEN_HEADER.matcher(masked).replaceAll("$1" + MASK);
	}

	private static void maskNode(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> secretNames = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				if (isSecretField(property.getKey()) && property.getValue().isContainer()) {
					// Keep the shape (an object of secrets stays an object) but mask
					// every value.
					maskAll(property.getValue());
				}
				else if (isSecretField(property.getKey()) && !property.getValue().isNull()) {
					secretNames.add(property.getKey());
				}
				else {
					maskNode(property.getValue());
				}
			}
			secretNames.forEach((name) -> object.put(name, MASK));
		}
		else if (node.isArray()) {
			node.values().forEach(SecretMasking::maskNode);
		}
	}

	private static void maskAll(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> names = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				if (property.getValue().isContainer()) {
					maskAll(property.getValue());
				}
				else if (!property.getValue().isNull()) {
					names.add(property.getKey());
				}
			}
			names.forEach((name) -> object.put(name, MASK));
		}
		else if (node instanceof tools.jackson.databind.node.ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i).isContainer()) {
					maskAll(array.get(i));
				}
				else if (!array.get(i).isNull()) {
					array.set(i, MASK);
				}
			}
		}
	}

	private static String truncate(String text) {
		if (text.length() <= MAX_BODY_CHARS) {
			return text;
		}
		return text.substring(0, MAX_BODY_CHARS) + "… [truncated, " + text.length() + " characters in all]";
	}

}
