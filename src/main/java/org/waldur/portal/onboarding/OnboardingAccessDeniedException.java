package org.waldur.portal.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The viewer may see this onboarding but not change it.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class OnboardingAccessDeniedException extends RuntimeException {

	public OnboardingAccessDeniedException(String message) {
		super(message);
	}

}
