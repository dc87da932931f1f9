package org.waldur.portal.waldur;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports whether Waldur answers the staff token, as the {@code waldur} health component
 * (in the readiness group, never in liveness): one {@code GET users/me/} within the page
 * read time-out, without retries, whose result is reused for the health cache time so
 * that many checks make one call. The details also name Waldur's version and whether
 * providers may activate their own offerings ({@link WaldurServer}). The token never
 * appears in the details. While the portal is still starting (not yet accepting traffic)
 * no probe is made and the component is out of service: in sandbox mode Waldur is the
 * portal itself, a probe then fails or waits for the start, and a deployment that polls
 * health during the start would make one Waldur call per poll.
 */
@Component
class WaldurHealthIndicator implements HealthIndicator {

	private final WaldurClient client;

	private final ObjectProvider<WaldurEndpoint> endpoint;

	private final Duration timeout;

	private final Duration cacheTime;

	private final Clock clock;

	private final BooleanSupplier started;

	private final Lock probing = new ReentrantLock();

	private volatile @Nullable Probed last;

	private @Nullable WaldurServer server;

	@Autowired
	WaldurHealthIndicator(WaldurClient client, ObjectProvider<WaldurEndpoint> endpoint, PortalProperties properties,
			ObjectProvider<Clock> clock, WaldurServer server, ObjectProvider<ApplicationAvailability> availability) {
		this(client, endpoint, properties.waldur().pageReadTimeout(), properties.waldur().healthCacheTime(),
				clock.getIfAvailable(Clock::systemUTC), () -> acceptingTraffic(availability.getIfAvailable()));
		this.server = server;
	}

	WaldurHealthIndicator(WaldurClient client, ObjectProvider<WaldurEndpoint> endpoint, Duration timeout,
			Duration cacheTime, Clock clock) {
		this(client, endpoint, timeout, cacheTime, clock, () -> true);
	}

	WaldurHealthIndicator(WaldurClient client, ObjectProvider<WaldurEndpoint> endpoint, Duration timeout,
			Duration cacheTime, Clock clock, BooleanSupplier started) {
		this.client = client;
		this.endpoint = endpoint;
		this.timeout = timeout;
		this.cacheTime = cacheTime;
		this.clock = clock;
		this.started = started;
	}

	private static boolean acceptingTraffic(@Nullable ApplicationAvailability availability) {
		return availability == null || availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
	}

	/**
	 * The last result while it is fresh; otherwise one probe, while concurrent checks get
	 * the last result (or wait for the probe when there is none).
	 */
	@Override
	public Health health() {
		Health health = probedHealth();
		if (!Status.UP.equals(health.getStatus())) {
			return health;
		}
		// The version has its own cache (WaldurServer), shared with the pages.
		return withVersion(Health.status(health.getStatus()).withDetails(health.getDetails())).build();
	}

	private Health probedHealth() {
		if (!this.started.getAsBoolean()) {
			return Health.outOfService()
				.withDetail("reason", "the portal is starting; Waldur is checked once it accepts traffic")
				.build();
		}
		Probed cached = this.last;
		if (cached != null && cached.freshAt(this.clock.instant())) {
			return cached.health();
		}
		if (!this.probing.tryLock()) {
			if (cached != null) {
				return cached.health();
			}
			this.probing.lock();
		}
		try {
			cached = this.last;
			if (cached != null && cached.freshAt(this.clock.instant())) {
				return cached.health();
			}
			Health health = probe();
			// Unknown means no endpoint yet: the next check should look again.
			boolean reuse = !Status.UNKNOWN.equals(health.getStatus());
			this.last = reuse ? new Probed(health, this.clock.instant().plus(this.cacheTime)) : null;
			return health;
		}
		finally {
			this.probing.unlock();
		}
	}

	private Health probe() {
		WaldurEndpoint waldur = this.endpoint.getIfAvailable();
		if (waldur == null) {
			return Health.unknown().withDetail("reason", "no Waldur endpoint is configured yet").build();
		}
		Health.Builder health;
		try {
			health = withEndpoint(waldur);
		}
		catch (IllegalStateException ex) {
			return Health.unknown().withDetail("reason", ex.getMessage()).build();
		}
		try {
			WaldurUser user = this.client.probe(this.timeout).value();
			return health.up().withDetail("user", String.valueOf(user.username())).build();
		}
		catch (WaldurException ex) {
			return health.down().withDetail("reason", reason(ex)).build();
		}
	}

	/**
	 * Adds the Waldur version and whether providers may activate their own offerings
	 * (both may be unknown; the health stays up).
	 */
	private Health.Builder withVersion(Health.Builder health) {
		WaldurServer known = this.server;
		if (known == null) {
			return health;
		}
		WaldurVersion version = known.current();
		health.withDetail("version", version.label());
		if (version.latestVersion() != null) {
			health.withDetail("latestVersion", version.latestVersion());
		}
		if (version.problem() != null) {
			health.withDetail("versionProblem", version.problem());
		}
		return health.withDetail("providersMayActivateOfferings", version.providersMayActivateLabel());
	}

	private static Health.Builder withEndpoint(WaldurEndpoint waldur) {
		URI root = waldur.apiRoot();
		String url = root.getScheme() + "://" + root.getHost() + ((root.getPort() != -1) ? ":" + root.getPort() : "")
				+ root.getPath();
		return Health.unknown().withDetail("url", url).withDetail("sandbox", waldur.sandbox());
	}

	private record Probed(Health health, Instant freshUntil) {

		boolean freshAt(Instant now) {
			return now.isBefore(this.freshUntil);
		}

	}

	private static String reason(WaldurException ex) {
		if (ex instanceof WaldurAuthorizationException) {
			return "unauthorized: " + ex.getMessage();
		}
		if (ex instanceof WaldurBusyException) {
			return "busy: " + ex.getMessage();
		}
		if (ex instanceof WaldurUnavailableException && ex.exchange().status() == null) {
			return "unreachable: " + ex.getMessage();
		}
		return ex.getMessage();
	}

}
