package org.waldur.portal.sandbox;

import java.net.URI;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Django REST framework's {@code HyperlinkedRelatedField} for sandbox objects: only the
 * URL's path counts, and it must name an existing object of the expected collection.
 */
final class Hyperlinks {

	private static final Pattern DETAIL = Pattern.compile("^([a-z-]+)/([^/.]+)/$");

	private Hyperlinks() {
	}

	/**
	 * The UUID a hyperlink field points to, or {@code null} after recording an error in
	 * {@code reader} (or when the field is absent and optional).
	 */
	static @Nullable String read(FieldReader reader, String field, String collection, boolean required,
			Predicate<String> exists) {
		JsonNode value = reader.raw(field);
		if (value == null) {
			if (required) {
				reader.error(field, FieldReader.REQUIRED);
			}
			return null;
		}
		if (value.isNull()) {
			reader.error(field, FieldReader.NOT_NULL);
			return null;
		}
		if (!value.isString()) {
			reader.error(field, "Incorrect type. Expected URL string, received " + SandboxJson.pythonType(value) + ".");
			return null;
		}
		String error = check(value.stringValue(), collection, exists);
		if (error != null) {
			reader.error(field, error);
			return null;
		}
		return uuid(value.stringValue());
	}

	private static @Nullable String check(String url, String collection, Predicate<String> exists) {
		Matcher matcher = detail(url);
		if (matcher == null || !SandboxRoutes.COLLECTIONS.contains(matcher.group(1))) {
			return "Invalid hyperlink - No URL match.";
		}
		if (!collection.equals(matcher.group(1))) {
			return "Invalid hyperlink - Incorrect URL match.";
		}
		return exists.test(matcher.group(2)) ? null : "Invalid hyperlink - Object does not exist.";
	}

	private static String uuid(String url) {
		Matcher matcher = detail(url);
		if (matcher == null) {
			throw new IllegalArgumentException("Not a sandbox hyperlink");
		}
		return matcher.group(2);
	}

	private static @Nullable Matcher detail(String url) {
		String path;
		try {
			path = URI.create(url.strip()).getPath();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int start = (path != null) ? path.indexOf(SandboxApiController.PREFIX) : -1;
		if (start < 0) {
			return null;
		}
		Matcher matcher = DETAIL.matcher(path.substring(start + SandboxApiController.PREFIX.length()));
		return matcher.matches() ? matcher : null;
	}

}
