package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A value that is not a word of the Waldur vocabulary it should be, such as a billing
 * type {@code free-money}.
 */
public final class UnknownWaldurValueException extends IllegalArgumentException {

	private final Class<? extends WaldurVocabulary> vocabulary;

	UnknownWaldurValueException(Class<? extends WaldurVocabulary> vocabulary, @Nullable String value) {
		super("Not a Waldur " + vocabulary.getSimpleName() + ": '" + value + "'");
		this.vocabulary = vocabulary;
	}

	/** The vocabulary the value is not in, such as {@link BillingType}. */
	public Class<? extends WaldurVocabulary> vocabulary() {
		return this.vocabulary;
	}

}
