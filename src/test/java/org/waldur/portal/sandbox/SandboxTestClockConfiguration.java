package org.waldur.portal.sandbox;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the portal's clock with a {@link MutableClock} in sandbox tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class SandboxTestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

}
