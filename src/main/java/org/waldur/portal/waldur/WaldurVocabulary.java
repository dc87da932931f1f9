package org.waldur.portal.waldur;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A word of Waldur's vocabulary, such as a billing type: an enum constant with the value
 * Waldur writes on the wire and a plain label for pages.
 */
public interface WaldurVocabulary {

	/** The value Waldur uses, such as {@code usage}. */
	String value();

	/** The words a page shows for it. */
	String label();

	/**
	 * The constant of {@code type} whose wire value is {@code value}, if there is one.
	 * @param <E> the enum
	 * @param type the enum's class
	 * @param value the wire value, or {@code null}
	 * @return the constant, or empty for an unknown or missing value
	 */
	static <E extends Enum<E> & WaldurVocabulary> Optional<E> find(Class<E> type, @Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.value().equals(value)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	/**
	 * The wire value of a word, for an input that may have none.
	 * @param word the word, or {@code null}
	 * @return its value, or {@code null} without a word
	 */
	static @Nullable String wireValue(@Nullable WaldurVocabulary word) {
		return (word != null) ? word.value() : null;
	}

	/**
	 * The wire value of a word, or {@code none} without one.
	 * @param word the word, or {@code null}
	 * @param none what stands for no word, such as an empty text
	 * @return its value, or {@code none}
	 */
	static String wireValue(@Nullable WaldurVocabulary word, String none) {
		return (word != null) ? word.value() : none;
	}

	/**
	 * The wire values of all constants of {@code type}, in their order.
	 * @param <E> the enum
	 * @param type the enum's class
	 * @return the values, such as {@code usage} and {@code limit}
	 */
	static <E extends Enum<E> & WaldurVocabulary> List<String> values(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(WaldurVocabulary::value).toList();
	}

	/**
	 * The constant of {@code type} whose wire value is {@code value}.
	 * @param <E> the enum
	 * @param type the enum's class
	 * @param value the wire value
	 * @return the constant
	 * @throws UnknownWaldurValueException for an unknown value
	 */
	static <E extends Enum<E> & WaldurVocabulary> E of(Class<E> type, @Nullable String value) {
		return find(type, value).orElseThrow(() -> new UnknownWaldurValueException(type, value));
	}

}
