package org.waldur.portal.onboarding;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Concurrent onboardings on H2, the default database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.waldur.max-concurrent-calls=" + (2 * ConcurrentOnboardingsContract.THREADS))
class ConcurrentOnboardingsTests extends ConcurrentOnboardingsContract {

}
