package org.waldur.portal.waldur;

/**
 * Waldur refused the token (HTTP 401) or found it lacks the right (HTTP 403). The message
 * names the kind of token used and quotes Waldur's {@code detail}.
 */
public final class WaldurAuthorizationException extends WaldurException {

	private final WaldurCredential.Kind credentialKind;

	WaldurAuthorizationException(String message, WaldurExchange exchange) {
		super(message, exchange);
		this.credentialKind = exchange.credentialKind();
	}

	/** The kind of token Waldur refused. */
	public WaldurCredential.Kind credentialKind() {
		return this.credentialKind;
	}

}
