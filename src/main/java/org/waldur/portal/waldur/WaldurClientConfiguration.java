package org.waldur.portal.waldur;

import org.waldur.portal.config.PortalProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the {@link WaldurClient} once, on Boot's {@link WebClient.Builder}. The
 * {@link WaldurEndpoint} is looked up on each call, because the sandbox knows its URL
 * only once the server has started.
 */
@Configuration(proxyBeanMethods = false)
class WaldurClientConfiguration {

	@Bean
	WaldurClient waldurClient(WebClient.Builder builder, ObjectProvider<WaldurEndpoint> endpoint,
			PortalProperties properties, ObjectProvider<BuildProperties> build) {
		WaldurClientSettings settings = WaldurClientSettings.of(properties.waldur(), build.getIfAvailable());
		return new WaldurClient(new WaldurTransport(builder, endpoint::getObject, settings, WaldurJson.mapper()));
	}

}
