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

/**
 * A component's billing type is one Waldur Site Agent can account for
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

	/** Checks a billing type; none is left to {@code @NotNull}. */
	class Check implements ConstraintValidator<SiteAgentBilling, BillingType> {

		@Override
		public boolean isValid(@Nullable BillingType value, ConstraintValidatorContext context) {
			return value == null || value.siteAgentKnows();
		}

	}

}
