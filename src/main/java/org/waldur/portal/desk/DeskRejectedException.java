package org.waldur.portal.desk;

/**
 * A desk action was refused because of its input; the message is shown to the user.
 */
public class DeskRejectedException extends RuntimeException {

	public DeskRejectedException(String message) {
		super(message);
	}

}
