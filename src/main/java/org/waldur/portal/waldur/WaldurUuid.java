package org.waldur.portal.waldur;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Waldur UUID, held as Waldur writes it: 32 lower-case hex digits. Read from either
 * form Waldur accepts, any case: the 32 digits or the dashed 8-4-4-4-12 form (which the
 * OpenAPI schema's {@code format: uuid} requires in request bodies, {@link #dashed()}).
 *
 * @param hex the 32 lower-case hex digits
 */
public record WaldurUuid(String hex) {

	private static final Pattern TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

	public WaldurUuid {
		if (hex == null || !HEX.matcher(hex).matches()) {
			throw new IllegalArgumentException("Not 32 lower-case hex digits: '" + hex + "'");
		}
	}

	/**
	 * The UUID in {@code text}.
	 * @param text 32 hex digits or the dashed form, any case
	 * @return the UUID
	 * @throws IllegalArgumentException when {@code text} is not a UUID
	 */
	public static WaldurUuid of(@Nullable String text) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException("Not a Waldur UUID: '" + text + "'"));
	}

	/** The UUID in {@code text}, or empty when it is none (or {@code null}). */
	public static Optional<WaldurUuid> parse(@Nullable String text) {
		if (text == null || !TEXT.matcher(text).matches()) {
			return Optional.empty();
		}
		return Optional.of(new WaldurUuid(loose(text)));
	}

	/**
	 * {@code text} unchanged, after checking that it is a UUID, so that it is safe in a
	 * URL path or query.
	 * @param text the text
	 * @return the text
	 * @throws IllegalArgumentException when {@code text} is not a UUID
	 */
	public static String require(@Nullable String text) {
		of(text);
		return text;
	}

	/**
	 * Whether two UUIDs name the same object, whichever form each is written in (two
	 * texts that are no UUIDs compare the same way: without dashes, ignoring case).
	 */
	public static boolean same(@Nullable String one, @Nullable String other) {
		return one != null && other != null && loose(one).equals(loose(other));
	}

	/** The dashed, lower-case form, such as {@code 0a1b2c3d-...}. */
	public String dashed() {
		return this.hex.substring(0, 8) + "-" + this.hex.substring(8, 12) + "-" + this.hex.substring(12, 16) + "-"
				+ this.hex.substring(16, 20) + "-" + this.hex.substring(20);
	}

	/** The 32 hex digits. */
	@Override
	public String toString() {
		return this.hex;
	}

	private static String loose(String text) {
		return text.replace("-", "").toLowerCase(Locale.ROOT);
	}

}
