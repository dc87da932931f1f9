package org.waldur.portal.config;

import org.jspecify.annotations.Nullable;

/**
 * Masks secrets for display and logs.
 */
public final class Secrets {

	private Secrets() {
	}

	/** Returns a fixed mask for a present secret, or {@code (unset)}. */
	public static String mask(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? "(unset)" : "******";
	}

}
