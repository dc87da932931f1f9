package org.waldur.portal.waldur;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One call to make: what, where, with which body and token, and how patiently.
 *
 * @param operation what the call does, for messages
 * @param method the HTTP method
 * @param path the path below the API root, such as {@code users/}
 * @param query query parameters (encoded by the transport)
 * @param body the object to send as JSON, or {@code null}
 * @param credential the token to use
 * @param timeout a deadline for the whole call overriding the read time-out, or
 * {@code null}
 * @param retries how often to try a failed GET again, or {@code null} for the default
 * @param pageTime whether a page waits for the answer, so that the short page-time read
 * policy applies instead of the step calls' one
 */
record WaldurCall(WaldurOperation operation, HttpMethod method, String path, Map<String, String> query,
		@Nullable Object body, WaldurCredential credential, @Nullable Duration timeout, @Nullable Integer retries,
		boolean pageTime) {

	static WaldurCall get(WaldurOperation operation, WaldurCredential credential, String path) {
		return new WaldurCall(operation, HttpMethod.GET, path, Map.of(), null, credential, null, null, false);
	}

	static WaldurCall post(WaldurOperation operation, WaldurCredential credential, String path, @Nullable Object body) {
		return new WaldurCall(operation, HttpMethod.POST, path, Map.of(), body, credential, null, null, false);
	}

	/** A call with another method, such as {@code PATCH} or {@code PUT}. */
	static WaldurCall send(WaldurOperation operation, HttpMethod method, WaldurCredential credential, String path,
			@Nullable Object body) {
		return new WaldurCall(operation, method, path, Map.of(), body, credential, null, null, false);
	}

	/** This call with one more query parameter, left out when the value is blank. */
	WaldurCall query(String name, @Nullable Object value) {
		if (value == null || value.toString().isBlank()) {
			return this;
		}
		Map<String, String> query = new LinkedHashMap<>(this.query);
		query.put(name, value.toString());
		return new WaldurCall(this.operation, this.method, this.path, query, this.body, this.credential, this.timeout,
				this.retries, this.pageTime);
	}

	/** This call with a deadline and a number of retries. */
	WaldurCall patience(Duration timeout, int retries) {
		return new WaldurCall(this.operation, this.method, this.path, this.query, this.body, this.credential, timeout,
				retries, this.pageTime);
	}

	/** This call as a read a page waits for: the page-time read policy applies. */
	WaldurCall forPage() {
		return new WaldurCall(this.operation, this.method, this.path, this.query, this.body, this.credential,
				this.timeout, this.retries, true);
	}

	boolean changing() {
		return this.method != HttpMethod.GET && this.method != HttpMethod.HEAD;
	}

}
