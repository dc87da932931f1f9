package org.waldur.portal.onboarding;

import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Concurrent onboardings on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.waldur.max-concurrent-calls=" + (2 * ConcurrentOnboardingsContract.THREADS))
class ConcurrentOnboardingsPostgresTests extends ConcurrentOnboardingsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
