package org.waldur.portal.onboarding;

/**
 * A step cannot run or be edited in the session's current state; the message says why in
 * words for the user.
 */
public class StepNotRunnableException extends RuntimeException {

	public StepNotRunnableException(String message) {
		super(message);
	}

}
