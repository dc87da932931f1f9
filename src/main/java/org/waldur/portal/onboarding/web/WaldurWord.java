package org.waldur.portal.onboarding.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Objects;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.WaldurVocabulary;

/**
 * A form field holds a word of one of Waldur's vocabularies, by its wire value (such as
 * {@code half_month} of {@link org.waldur.portal.waldur.BillingUnit}). The fields stay
 * text so that a page and the API name every wrong field at once, an unknown word next to
 * the others; {@code toInput()} keeps the checked value. No value is left to
 * {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = WaldurWord.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WaldurWord {

	/** The vocabulary, an enum. */
	Class<? extends WaldurVocabulary> value();

	/** Whether an empty text means "none" rather than a wrong word. */
	boolean emptyIsNone() default false;

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a text against the vocabulary's wire values. */
	class Check implements ConstraintValidator<WaldurWord, String> {

		private WaldurVocabulary[] words = {};

		private boolean emptyIsNone;

		@Override
		public void initialize(WaldurWord annotation) {
			this.words = Objects.requireNonNull(annotation.value().getEnumConstants(), "not an enum");
			this.emptyIsNone = annotation.emptyIsNone();
		}

		@Override
		public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
			if (text == null || (text.isEmpty() && this.emptyIsNone)) {
				return true;
			}
			return Arrays.stream(this.words).anyMatch((word) -> word.value().equals(text));
		}

	}

}
