package org.waldur.portal.onboarding.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.WaldurVocabulary;

/**
 * A component's billing type, by its wire value, is one Waldur Site Agent can account for
 * ({@link BillingType#siteAgentKnows()}); Waldur knows more.
 */
@Documented
@Constraint(validatedBy = SiteAgentBilling.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SiteAgentBilling {

	String message() default "Choose usage, limit or one.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a billing type's wire value; none is left to {@code @NotBlank}. */
	class Check implements ConstraintValidator<SiteAgentBilling, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null
					|| WaldurVocabulary.find(BillingType.class, value).filter(BillingType::siteAgentKnows).isPresent();
		}

	}

}
