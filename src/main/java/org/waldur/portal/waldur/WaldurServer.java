package org.waldur.portal.waldur;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.waldur.portal.config.PortalProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Knows which Waldur the portal talks to: reads {@code GET version/} and the setting that
 * lets providers activate their own offerings, and reuses the answer for the health cache
 * time (at least a second), so that pages, health checks and step runs share one read.
 * Request builders depend on it (see {@link WaldurVersion#dropsUidNumbers()}).
 */
@Component
public class WaldurServer {

	private static final Duration MINIMUM_CACHE = Duration.ofSeconds(1);

	private final WaldurClient client;

	private final Duration timeout;

	private final Duration cacheTime;

	private final Clock clock;

	private volatile @Nullable Cached last;

	WaldurServer(WaldurClient client, PortalProperties properties, ObjectProvider<Clock> clock) {
		this.client = client;
		this.timeout = properties.waldur().pageReadTimeout();
		Duration configured = properties.waldur().healthCacheTime();
		this.cacheTime = (configured.compareTo(MINIMUM_CACHE) < 0) ? MINIMUM_CACHE : configured;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The version, read again once the last read is older than the cache time. */
	public WaldurVersion current() {
		Cached cached = this.last;
		Instant now = this.clock.instant();
		if (cached != null && now.isBefore(cached.freshUntil())) {
			return cached.version();
		}
		WaldurVersion version = read(now);
		// An unknown version is asked again soon: Waldur may just have been starting.
		this.last = new Cached(version, now.plus(version.known() ? this.cacheTime : MINIMUM_CACHE));
		return version;
	}

	/** Forgets the last read, so that the next {@link #current()} asks Waldur. */
	public void forget() {
		this.last = null;
	}

	private WaldurVersion read(Instant now) {
		String version;
		String latest;
		try {
			JsonNode body = this.client.version(this.timeout).value();
			version = text(body.path("version"));
			latest = text(body.path("latest_version"));
		}
		catch (WaldurException | IllegalStateException ex) {
			// An IllegalStateException: no endpoint yet (the sandbox starts with the web
			// server).
			return WaldurVersion.unknown(Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName()),
					now);
		}
		if (version == null) {
			return WaldurVersion.unknown("Waldur answered without a version.", now);
		}
		return new WaldurVersion(version, latest, providersMayActivate(), null, now);
	}

	/**
	 * The setting, or {@code null} when Waldur does not expose it to this token or does
	 * not have it: both answers are possible.
	 */
	private @Nullable Boolean providersMayActivate() {
		try {
			JsonNode setting = this.client.overrideSettings(this.timeout)
				.value()
				.path("ALLOW_SERVICE_PROVIDER_OFFERING_MANAGEMENT");
			return setting.isBoolean() ? setting.booleanValue() : null;
		}
		catch (WaldurException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.stringValue().isBlank()) ? node.stringValue().trim() : null;
	}

	private record Cached(WaldurVersion version, Instant freshUntil) {
	}

}
