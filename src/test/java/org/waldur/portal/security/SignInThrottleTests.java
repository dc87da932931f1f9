package org.waldur.portal.security;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Parallel guesses on H2, the default database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { SignInThrottleContract.PROPERTIES_LIMIT, SignInThrottleContract.PROPERTIES_ADDRESS,
				SignInThrottleContract.PROPERTIES_DELAY })
class SignInThrottleTests extends SignInThrottleContract {

}
