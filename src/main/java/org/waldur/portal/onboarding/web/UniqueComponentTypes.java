package org.waldur.portal.onboarding.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * No two components of the offering form share a type: the site agent's
 * {@code backend_components} is keyed by type, so one of them would be lost. The error is
 * reported on each repeated type, naming it.
 */
@Documented
@Constraint(validatedBy = UniqueComponentTypes.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface UniqueComponentTypes {

	String message() default "Each component needs its own type.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks an {@link OfferingForm}. */
	class Check implements ConstraintValidator<UniqueComponentTypes, OfferingForm> {

		/**
		 * Types the row's own pattern accepts, so they are safe in a message template.
		 */
		private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[a-zA-Z0-9_\\-/:]+");

		@Override
		public boolean isValid(OfferingForm form, ConstraintValidatorContext context) {
			List<ComponentRow> rows = form.getComponents();
			Set<String> seen = new HashSet<>();
			boolean valid = true;
			for (int i = 0; i < rows.size(); i++) {
				String type = OfferingForm.trimmed((rows.get(i) != null) ? rows.get(i).getType() : null);
				if (TYPE.matcher(type).matches() && !seen.add(type)) {
					report(context, i, type);
					valid = false;
				}
			}
			return valid;
		}

		private static void report(ConstraintValidatorContext context, int index, String type) {
			context.disableDefaultConstraintViolation();
			// With messages.properties, Spring shows a message without {0} as it is.
			context
				.buildConstraintViolationWithTemplate(
						"Each component needs its own type; '" + type + "' is used twice.")
				.addPropertyNode("components")
				.addPropertyNode("type")
				.inIterable()
				.atIndex(index)
				.addConstraintViolation();
		}

	}

}
