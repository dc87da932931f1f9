package org.waldur.portal.waldur;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;

import org.springframework.boot.info.BuildProperties;

/**
 * How the client talks to Waldur.
 *
 * @param connectTimeout time to establish a connection
 * @param readTimeout time to wait for (each part of) a response of a step call
 * @param getRetries how often a failed GET of a step call is tried again
 * @param retryBackoff the pause before the first retry; it doubles for each further one
 * @param pageReadTimeout deadline of a whole read a page waits for
 * @param pageReadRetries how often such a read is tried again
 * @param maxConcurrentCalls how many calls may wait for Waldur at once; more are refused
 * @param userAgent the {@code User-Agent} header
 */
record WaldurClientSettings(Duration connectTimeout, Duration readTimeout, int getRetries, Duration retryBackoff,
		Duration pageReadTimeout, int pageReadRetries, int maxConcurrentCalls, String userAgent) {

	/** The settings of {@code portal.waldur.*}. */
	static WaldurClientSettings of(PortalProperties.Waldur waldur, @Nullable BuildProperties build) {
		return new WaldurClientSettings(waldur.connectTimeout(), waldur.readTimeout(), waldur.readRetries(),
				waldur.retryBackoff(), waldur.pageReadTimeout(), waldur.pageReadRetries(), waldur.maxConcurrentCalls(),
				userAgent(build));
	}

	static String userAgent(@Nullable BuildProperties build) {
		String version = (build != null && build.getVersion() != null) ? build.getVersion() : "development";
		return "waldur-onboarding-portal/" + version;
	}

}
