package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A call exactly as the client would send it, for the user to check before confirming:
 * method, URL, JSON body and the kind of token, with secrets masked.
 *
 * @param method HTTP method
 * @param url full URL
 * @param body the JSON body, pretty-printed, or {@code null} when the call has none
 * @param credentialKind the kind of token the call carries
 */
public record WaldurRequestPreview(String method, String url, @Nullable String body,
		WaldurCredential.Kind credentialKind) {

	/** The {@code Authorization} header as shown to users: the token masked. */
	public String authorization() {
		return "Token ****** (" + this.credentialKind.description() + ")";
	}

}
