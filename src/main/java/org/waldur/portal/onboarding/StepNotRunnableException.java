package org.waldur.portal.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A step cannot run or be edited in the session's current state; the message says why in
 * words for the user. Answered with 409 where a page does not show it itself.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class StepNotRunnableException extends RuntimeException {

	public StepNotRunnableException(String message) {
		super(message);
	}

}
