package org.waldur.portal.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * Plain words for a token lifetime as Waldur reports it.
 */
public final class TokenLifetimes {

	private TokenLifetimes() {
	}

	/**
	 * "never expires" or "expires after 2 hours without use" (with the seconds).
	 */
	public static String describe(@Nullable Integer seconds) {
		if (seconds == null) {
			return "never expires";
		}
		return "expires after " + duration(seconds) + " without use (token_lifetime " + seconds + " s)";
	}

	/** A number of seconds in the largest whole unit: days, hours, minutes or seconds. */
	public static String duration(long seconds) {
		if (seconds % 86_400 == 0) {
			return plural(seconds / 86_400, "day");
		}
		if (seconds % 3600 == 0) {
			return plural(seconds / 3600, "hour");
		}
		if (seconds % 60 == 0) {
			return plural(seconds / 60, "minute");
		}
		return plural(seconds, "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
