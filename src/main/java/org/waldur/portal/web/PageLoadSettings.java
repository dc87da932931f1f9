package org.waldur.portal.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.waldur.portal.config.InvalidConfigurationException;

/**
 * How many page loads the portal works on at once ({@code portal.pages.*}). Sign-in, the
 * home page, static files, health probes and the sandbox's API are not counted: they stay
 * quick however many other pages are loading.
 *
 * @param maxConcurrent how many other page loads (and form posts) run at once; a page
 * waiting for Waldur holds its place, so this must leave room above
 * {@code portal.waldur.max-concurrent-calls}
 * @param maxWaiting how many more may wait for a place; beyond that a request is answered
 * "the portal is busy" at once
 * @param maxWait how long a request waits for a place before it is answered "the portal
 * is busy"
 */
@ConfigurationProperties("portal.pages")
public record PageLoadSettings(@DefaultValue("24") int maxConcurrent, @DefaultValue("48") int maxWaiting,
		@DefaultValue("3s") Duration maxWait) {

	public PageLoadSettings {
		if (maxConcurrent < 1) {
			throw new InvalidConfigurationException("portal.pages.max-concurrent must be at least 1.");
		}
		if (maxWaiting < 0) {
			throw new InvalidConfigurationException("portal.pages.max-waiting must not be negative.");
		}
		if (maxWait.isNegative()) {
			throw new InvalidConfigurationException("portal.pages.max-wait must not be negative.");
		}
	}

}
