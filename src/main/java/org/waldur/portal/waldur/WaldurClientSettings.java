package org.waldur.portal.waldur;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.info.BuildProperties;

/**
 * How the client talks to Waldur.
 *
 * @param connectTimeout time to establish a connection
 * @param readTimeout time to wait for (each part of) a response
 * @param getRetries how often a failed GET is tried again
 * @param retryBackoff the pause before the first retry; it doubles for each further one
 * @param userAgent the {@code User-Agent} header
 */
record WaldurClientSettings(Duration connectTimeout, Duration readTimeout, int getRetries, Duration retryBackoff,
		String userAgent) {

	static final int DEFAULT_GET_RETRIES = 2;

	static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);

	static String userAgent(@Nullable BuildProperties build) {
		String version = (build != null && build.getVersion() != null) ? build.getVersion() : "development";
		return "waldur-onboarding-portal/" + version;
	}

}
