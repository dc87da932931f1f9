package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * One call to Waldur as the portal can keep it on record. Secrets are already masked: no
 * {@code Authorization} header, and JSON fields such as {@code token} or
 * {@code secret_options} read {@code ******}. Bodies longer than 64 KiB are truncated.
 *
 * @param method the HTTP method
 * @param url the full URL called
 * @param requestBody the JSON sent, or {@code null} when none
 * @param status the HTTP status, or {@code null} when no response came
 * @param responseBody the body received, or {@code null} when no response came
 * @param durationMillis time from sending to the end of the response (all attempts)
 * @param credentialKind which kind of token was used
 */
public record WaldurExchange(String method, String url, @Nullable String requestBody, @Nullable Integer status,
		@Nullable String responseBody, long durationMillis, WaldurCredential.Kind credentialKind) {

	/** A short description for messages, such as {@code POST https://…/users/ -> 201}. */
	public String summary() {
		return this.method + " " + this.url + " -> " + ((this.status != null) ? this.status : "no response");
	}

}
