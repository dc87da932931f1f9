package org.waldur.portal.security;

import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Parallel guesses on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { SignInThrottleContract.PROPERTIES_LIMIT, SignInThrottleContract.PROPERTIES_ADDRESS,
				SignInThrottleContract.PROPERTIES_DELAY })
class SignInThrottlePostgresTests extends SignInThrottleContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
