package org.waldur.portal.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.mockito.Mockito;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.crypto.SecretBox;
import org.waldur.portal.web.PageLoadSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.InternalResourceViewResolver;

/**
 * What a {@code @WebMvcTest} slice of a portal controller needs beside MVC: the portal's
 * own security rules ({@link SecurityConfiguration}) with the sign-in collaborators
 * mocked, the settings that the layout advice and the page filters read, and a fixed
 * clock. Views are not rendered in a slice: a view name is only forwarded to (the page
 * builders are mocked, so a template would miss its model); the slice's tests check the
 * view name, the model, the errors and the redirects, and the page tests render.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties({ PortalProperties.class, SignInSettings.class, PageLoadSettings.class })
public class WebSlice {

	/** The slices' clock. */
	public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Bean
	AccountUserDetailsService accountUserDetailsService() {
		return Mockito.mock(AccountUserDetailsService.class);
	}

	@Bean
	SignInThrottle signInThrottle() {
		return Mockito.mock(SignInThrottle.class);
	}

	@Bean
	ExternalAccounts externalAccounts() {
		return Mockito.mock(ExternalAccounts.class);
	}

	@Bean
	SecretBox secretBox() {
		return new SecretBox(new byte[32]);
	}

	/**
	 * Takes the place of Thymeleaf's view resolver (Boot backs off from a bean of this
	 * name): views are forwarded to by name, redirects stay redirects.
	 */
	@Bean
	ViewResolver thymeleafViewResolver() {
		return new InternalResourceViewResolver();
	}

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
