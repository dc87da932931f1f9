package org.waldur.portal.waldur;

import java.net.URI;
import java.util.Objects;

import org.waldur.portal.config.ConditionalOnRealWaldur;
import org.waldur.portal.config.PortalProperties;

import org.springframework.stereotype.Component;

/**
 * The real Waldur configured by {@code WALDUR_URL} and {@code WALDUR_STAFF_TOKEN}.
 */
@Component
@ConditionalOnRealWaldur
class ConfiguredWaldurEndpoint implements WaldurEndpoint {

	private final URI apiRoot;

	private final String staffToken;

	ConfiguredWaldurEndpoint(PortalProperties properties) {
		this.apiRoot = Objects.requireNonNull(properties.waldur().apiRoot());
		this.staffToken = Objects.requireNonNull(properties.waldur().staffToken());
	}

	@Override
	public URI apiRoot() {
		return this.apiRoot;
	}

	@Override
	public String staffToken() {
		return this.staffToken;
	}

	@Override
	public boolean sandbox() {
		return false;
	}

	@Override
	public String toString() {
		return "ConfiguredWaldurEndpoint[apiRoot=" + this.apiRoot + ", staffToken=******]";
	}

}
