package org.waldur.portal.sandbox;

/**
 * What an injected sandbox fault does to a matching call.
 */
public enum FaultKind {

	/**
	 * Answer with the fault's status and a Waldur-like error body; nothing is applied.
	 */
	FAIL("Fail with status"),

	/**
	 * Hold the call for the fault's delay, then apply and answer it, as a slow Waldur
	 * does: the call lands late, also when the client has stopped waiting.
	 */
	DELAY("Delay, then apply (lands late)"),

	/** Send part of a response and drop the connection; nothing is applied. */
	DROP("Drop the connection"),

	/** Apply the call, then answer with the fault's status: the ambiguous case. */
	APPLY_THEN_FAIL("Apply, then fail with status");

	private final String label;

	FaultKind(String label) {
		this.label = label;
	}

	/** A human-readable description for the admin page. */
	public String label() {
		return this.label;
	}

}
