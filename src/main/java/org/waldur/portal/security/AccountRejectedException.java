package org.waldur.portal.security;

/**
 * An account change was refused; the message says why and {@link #field()} names the form
 * field it belongs to.
 */
public class AccountRejectedException extends RuntimeException {

	private final String field;

	public AccountRejectedException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
