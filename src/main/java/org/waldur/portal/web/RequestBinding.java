package org.waldur.portal.web;

import java.beans.PropertyEditorSupport;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.AccountNamePolicy;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.BillingUnit;
import org.waldur.portal.waldur.LimitPeriod;
import org.waldur.portal.waldur.UsernamePolicy;
import org.waldur.portal.waldur.WaldurVocabulary;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How a request's text is bound, for every binder that binds a request: its parameters (a
 * binder without a target) and its forms (classes named {@code …Form}, see
 * {@code BoundFormsTests}). Submitted text is trimmed, and the forms' vocabulary fields
 * (a {@link WaldurVocabulary} enum, such as a billing type) are bound and shown by
 * Waldur's wire value: {@code half_month}, not the constant's name, which is refused like
 * any unknown word (without an editor Spring would fall back to the name). An empty text
 * is none; an unknown word is a type mismatch, shown on its field with the vocabulary's
 * message ({@code messages.properties}, {@code typeMismatch.<enum class>}).
 * <p>
 * Spring also makes a binder for every object a page shows, which binds nothing;
 * registering the editors there cost a step page a tenth of what it allocates.
 */
@ControllerAdvice
class RequestBinding {

	@InitBinder
	void bindRequests(WebDataBinder binder) {
		if (!bindsRequest(binder)) {
			return;
		}
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		bindWords(binder, BillingType.class);
		bindWords(binder, LimitPeriod.class);
		bindWords(binder, BillingUnit.class);
		bindWords(binder, UsernamePolicy.class);
		bindWords(binder, AccountNamePolicy.class);
	}

	private static boolean bindsRequest(WebDataBinder binder) {
		Object target = binder.getTarget();
		if (target != null) {
			return isForm(target.getClass());
		}
		// a form the binder constructs, or request parameters
		ResolvableType targetType = binder.getTargetType();
		Class<?> type = (targetType != null) ? targetType.resolve() : null;
		return type == null || isForm(type);
	}

	/** Whether objects of the given class are bound from requests: forms are named so. */
	static boolean isForm(Class<?> type) {
		return type.getSimpleName().endsWith("Form");
	}

	private static <E extends Enum<E> & WaldurVocabulary> void bindWords(WebDataBinder binder, Class<E> vocabulary) {
		binder.registerCustomEditor(vocabulary, new WordEditor<>(vocabulary));
	}

	/** Text to word and back, by wire value. Not thread-safe: one per binder. */
	static final class WordEditor<E extends Enum<E> & WaldurVocabulary> extends PropertyEditorSupport {

		private final Class<E> vocabulary;

		WordEditor(Class<E> vocabulary) {
			this.vocabulary = vocabulary;
		}

		@Override
		public void setAsText(@Nullable String text) {
			String word = (text != null) ? text.trim() : "";
			setValue(word.isEmpty() ? null
					: WaldurVocabulary.find(this.vocabulary, word)
						.orElseThrow(() -> new IllegalArgumentException(
								"Not a word of " + this.vocabulary.getSimpleName() + ": " + word)));
		}

		@Override
		public String getAsText() {
			return (getValue() instanceof WaldurVocabulary word) ? word.value() : "";
		}

	}

}
