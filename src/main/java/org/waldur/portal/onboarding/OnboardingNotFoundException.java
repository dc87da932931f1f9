package org.waldur.portal.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No onboarding with this id exists, or the viewer may not see it.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OnboardingNotFoundException extends RuntimeException {

	public OnboardingNotFoundException(long id) {
		super("No onboarding " + id);
	}

}
