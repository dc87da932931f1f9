package org.waldur.portal.onboarding;

import org.waldur.portal.waldur.OfferingRequest;

/**
 * Test access to the package-private request mapping.
 */
public final class WaldurRequestsAccess {

	private WaldurRequestsAccess() {
	}

	public static OfferingRequest offering(OfferingInput input) {
		return WaldurRequests.offering(input);
	}

}
