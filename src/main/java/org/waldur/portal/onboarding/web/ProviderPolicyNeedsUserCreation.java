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
import org.waldur.portal.waldur.UsernamePolicy;

/**
 * With the username policy {@code service_provider} the site agent makes the usernames,
 * which it can only do when the provider may create offering users: the integration form
 * refuses the contradiction while it can still be fixed, on the checkbox that fixes it.
 */
@Documented
@Constraint(validatedBy = ProviderPolicyNeedsUserCreation.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProviderPolicyNeedsUserCreation {

	String message() default "With the service_provider username policy, tick \"Offering users are created "
			+ "automatically\": the site agent makes the usernames and needs it. Or choose another policy.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks an {@link IntegrationForm}. */
	class Check implements ConstraintValidator<ProviderPolicyNeedsUserCreation, IntegrationForm> {

		@Override
		public boolean isValid(IntegrationForm form, ConstraintValidatorContext context) {
			if (form.getUsernameGenerationPolicy() != UsernamePolicy.SERVICE_PROVIDER
					|| form.isServiceProviderCanCreateOfferingUser()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("serviceProviderCanCreateOfferingUser")
				.addConstraintViolation();
			return false;
		}

	}

}
