package org.waldur.portal.waldur;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether Waldur answers the staff token, as the {@code waldur} health component:
 * one {@code GET users/me/} within three seconds, without retries. The token never
 * appears in the details.
 */
@Component
class WaldurHealthIndicator implements HealthIndicator {

	static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final WaldurClient client;

	private final ObjectProvider<WaldurEndpoint> endpoint;

	private final Duration timeout;

	@Autowired
	WaldurHealthIndicator(WaldurClient client, ObjectProvider<WaldurEndpoint> endpoint) {
		this(client, endpoint, TIMEOUT);
	}

	WaldurHealthIndicator(WaldurClient client, ObjectProvider<WaldurEndpoint> endpoint, Duration timeout) {
		this.client = client;
		this.endpoint = endpoint;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
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

	private static Health.Builder withEndpoint(WaldurEndpoint waldur) {
		URI root = waldur.apiRoot();
		String url = root.getScheme() + "://" + root.getHost() + ((root.getPort() != -1) ? ":" + root.getPort() : "")
				+ root.getPath();
		return Health.unknown().withDetail("url", url).withDetail("sandbox", waldur.sandbox());
	}

	private static String reason(WaldurException ex) {
		if (ex instanceof WaldurAuthorizationException) {
			return "unauthorized: " + ex.getMessage();
		}
		if (ex instanceof WaldurUnavailableException && ex.exchange().status() == null) {
			return "unreachable: " + ex.getMessage();
		}
		return ex.getMessage();
	}

}
