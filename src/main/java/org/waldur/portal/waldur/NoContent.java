package org.waldur.portal.waldur;

/**
 * The answer of a call Waldur answers without a body, such as
 * {@link WaldurCalls#updateIntegration}.
 */
public enum NoContent {

	/** The only value. */
	INSTANCE

}
