package org.waldur.portal.onboarding.web;

import java.beans.PropertyEditorSupport;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.BillingUnit;
import org.waldur.portal.waldur.LimitPeriod;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurVocabulary;

import org.springframework.core.ResolvableType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds the forms' vocabulary fields (a {@link WaldurVocabulary} enum, such as a billing
 * type) by Waldur's wire value and shows them by it: {@code half_month}, not the
 * constant's name, which is refused like any unknown word (without an editor, Spring
 * would fall back to the name). An empty text is none; an unknown word is a type
 * mismatch, shown on its field with the vocabulary's message
 * ({@code messages.properties}, {@code typeMismatch.<enum class>}). Forms only, as
 * {@code LayoutModelAdvice} trims.
 */
@ControllerAdvice
class WaldurWords {

	/** The vocabularies forms bind. */
	static final List<Class<? extends WaldurVocabulary>> BOUND = List.of(BillingType.class, LimitPeriod.class,
			BillingUnit.class, UsernamePolicy.class, AccountNamePolicy.class);

	@InitBinder
	void bindWords(WebDataBinder binder) {
		Object target = binder.getTarget();
		ResolvableType targetType = binder.getTargetType();
		Class<?> type = (target != null) ? target.getClass() : (targetType != null) ? targetType.resolve() : null;
		// no type yet: a form the binder constructs, or request parameters
		if (type == null || type.getSimpleName().endsWith("Form")) {
			for (Class<? extends WaldurVocabulary> vocabulary : BOUND) {
				binder.registerCustomEditor(vocabulary, new Editor(vocabulary));
			}
		}
	}

	/** Text to word and back, by wire value. Not thread-safe: one per binder. */
	static final class Editor extends PropertyEditorSupport {

		private final Class<? extends WaldurVocabulary> vocabulary;

		Editor(Class<? extends WaldurVocabulary> vocabulary) {
			this.vocabulary = vocabulary;
		}

		@Override
		public void setAsText(@Nullable String text) {
			String word = (text != null) ? text.trim() : "";
			if (word.isEmpty()) {
				setValue(null);
				return;
			}
			for (WaldurVocabulary constant : this.vocabulary.getEnumConstants()) {
				if (constant.value().equals(word)) {
					setValue(constant);
					return;
				}
			}
			throw new IllegalArgumentException("Not a word of " + this.vocabulary.getSimpleName() + ": " + word);
		}

		@Override
		public String getAsText() {
			return (getValue() instanceof WaldurVocabulary word) ? word.value() : "";
		}

	}

}
