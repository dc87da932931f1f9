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

	/**
	 * Returns the first four characters followed by a mask, for telling secrets apart on
	 * screen without revealing them.
	 */
	public static String hint(@Nullable String secret) {
		if (secret == null || secret.length() < 12) {
			return mask(secret);
		}
		return secret.substring(0, 4) + "…" + "******";
	}

}
