package org.waldur.portal.web;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Links to Waldur objects in HomePort, Waldur's web interface, rather than to API URLs
 * (which answer "Authentication credentials were not provided" in a browser). The base is
 * {@code WALDUR_HOMEPORT_URL} ({@code portal.waldur.homeport-url}), or else the API URL
 * without its {@code /api/}; in sandbox mode there is no HomePort and no link.
 */
@Component("homePort")
public class HomePort {

	private final @Nullable String base;

	HomePort(Environment environment) {
		this.base = base(environment.getProperty("portal.waldur.homeport-url"),
				environment.getProperty("portal.waldur.url"));
	}

	static @Nullable String base(@Nullable String configured, @Nullable String apiUrl) {
		if (configured != null && !configured.isBlank()) {
			return withSlash(configured.strip());
		}
		if (apiUrl == null || apiUrl.isBlank()) {
			return null;
		}
		String api = withSlash(apiUrl.strip());
		return api.endsWith("/api/") ? api.substring(0, api.length() - "api/".length()) : null;
	}

	/** HomePort's base URL, ending in a slash, or {@code null} when there is none. */
	public @Nullable String base() {
		return this.base;
	}

	/** The offering's public page in HomePort, or {@code null} without HomePort. */
	public @Nullable String offering(@Nullable String uuid) {
		return (this.base != null && uuid != null) ? this.base + "marketplace-public-offering/" + uuid + "/" : null;
	}

	private static String withSlash(String url) {
		return url.endsWith("/") ? url : url + "/";
	}

}
