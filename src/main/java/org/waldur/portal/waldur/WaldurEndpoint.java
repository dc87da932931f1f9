package org.waldur.portal.waldur;

import java.net.URI;

/**
 * Where Waldur is and which staff token the portal uses there. A real Waldur comes from
 * {@code WALDUR_URL} and {@code WALDUR_STAFF_TOKEN}; in sandbox mode the sandbox provides
 * this bean.
 */
public interface WaldurEndpoint {

	/**
	 * The API root, ending with {@code /}, such as
	 * {@code https://waldur.example.com/api/}.
	 */
	URI apiRoot();

	/** The staff token for staff-only calls. */
	String staffToken();

	/** Whether this is the portal's built-in sandbox rather than a real Waldur. */
	boolean sandbox();

}
