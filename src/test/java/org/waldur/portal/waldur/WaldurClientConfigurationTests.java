package org.waldur.portal.waldur;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.waldur.portal.config.PortalProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client and the health indicator as Spring builds them: on Boot's
 * {@code WebClient.Builder}, with the settings of {@code portal.waldur.*} and the build
 * version in the {@code User-Agent}.
 */
class WaldurClientConfigurationTests extends WaldurWireMockSupport {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
		.withUserConfiguration(Settings.class, WaldurClientConfiguration.class, WaldurServer.class,
				WaldurHealthIndicator.class);

	@Test
	void buildsTheClientWithTheBuildVersionInTheUserAgent() {
		Properties build = new Properties();
		build.setProperty("version", "1.2.3");
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));

		this.contexts.withBean(WaldurEndpoint.class, WaldurWireMockSupport::endpoint)
			.withBean(BuildProperties.class, () -> new BuildProperties(build))
			.run((context) -> {
				assertThat(context.getBean(WaldurClient.class).currentUser(WaldurCredential.staff()).value().uuid())
					.isEqualTo(USER_UUID);
				assertThat(context.getBean("waldurHealthIndicator", HealthIndicator.class).health().getStatus())
					.isEqualTo(Status.UP);
			});

		wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/users/me/")).withHeader("User-Agent",
				equalTo("waldur-onboarding-portal/1.2.3")));
	}

	@Test
	void callsItselfDevelopmentWithoutBuildInformation() {
		wireMock.stubFor(get(urlPathEqualTo("/api/users/me/")).willReturn(json(200, fixture("user.json"))));

		this.contexts.withBean(WaldurEndpoint.class, WaldurWireMockSupport::endpoint)
			.run((context) -> context.getBean(WaldurClient.class).currentUser(WaldurCredential.staff()));

		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/users/me/")).withHeader("User-Agent",
				equalTo("waldur-onboarding-portal/development")));
	}

	@Test
	void startsWithoutAnEndpointBeanAndFailsOnlyWhenCalled() {
		this.contexts.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(WaldurClient.class);
			assertThat(context.getBean("waldurHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UNKNOWN);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PortalProperties.class)
	static class Settings {

	}

}
