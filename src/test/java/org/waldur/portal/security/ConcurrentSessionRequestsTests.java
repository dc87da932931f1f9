package org.waldur.portal.security;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Parallel requests in one session on H2, the default database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSessionRequestsTests extends ConcurrentSessionRequestsContract {

}
