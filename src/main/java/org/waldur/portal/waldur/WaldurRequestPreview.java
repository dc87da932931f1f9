package org.waldur.portal.waldur;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

	/**
	 * A digest of everything the preview shows (method, URL, body, kind of token): the
	 * page posts it with the confirmation, and the step runs only if the request rebuilt
	 * at that moment has the same digest, so what is confirmed is what is sent.
	 */
	public String fingerprint() {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (String part : new String[] { this.method, this.url, (this.body != null) ? this.body : "",
				this.credentialKind.name() }) {
			digest.update(part.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The {@code Authorization} header as shown to users: the token masked. */
	public String authorization() {
		return "Token ****** (" + this.credentialKind.description() + ")";
	}

}
