package org.waldur.portal.waldur;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the portal knows about the Waldur it talks to: its version from
 * {@code GET /api/version/} and whether service providers may activate their own
 * offerings ({@code ALLOW_SERVICE_PROVIDER_OFFERING_MANAGEMENT}, readable by staff in
 * {@code /api/override-settings/}). Either may be unknown when Waldur did not answer.
 *
 * @param version the installed version, such as {@code 8.1.2}, or {@code null} when
 * unknown
 * @param latestVersion the newest release Waldur knows of, if it said
 * @param providersMayActivate whether providers may activate offerings themselves, or
 * {@code null} when Waldur did not say
 * @param problem why the version is unknown, or {@code null}
 * @param readAt when it was read
 */
public record WaldurVersion(@Nullable String version, @Nullable String latestVersion,
		@Nullable Boolean providersMayActivate, @Nullable String problem, Instant readAt) {

	/** The first version without the UID/GID start numbers in {@code plugin_options}. */
	public static final String POSIX_POOLS_SINCE = "8.1.2";

	/** A version that could not be read. */
	public static WaldurVersion unknown(String problem, Instant readAt) {
		return new WaldurVersion(null, null, null, problem, readAt);
	}

	public boolean known() {
		return this.version != null;
	}

	/**
	 * Whether Waldur no longer knows {@code initial_uidnumber},
	 * {@code initial_primarygroup_number} and {@code initial_usergroup_number} (8.1.2 and
	 * later drop them silently); {@code false} while the version is unknown.
	 */
	public boolean dropsUidNumbers() {
		return this.version != null && atLeast(this.version, POSIX_POOLS_SINCE);
	}

	/** The version for display: the number, or "unknown". */
	public String label() {
		return (this.version != null) ? this.version : "unknown";
	}

	/** "allowed", "not allowed" or "unknown", for display. */
	public String providersMayActivateLabel() {
		return (this.providersMayActivate == null) ? "unknown (Waldur did not say)"
				: this.providersMayActivate ? "allowed" : "not allowed (staff only)";
	}

	/**
	 * Whether dotted version {@code version} is {@code other} or later; parts that are
	 * not numbers (such as {@code 8.1.2-rc1}'s tail) end the comparison.
	 */
	static boolean atLeast(String version, String other) {
		String[] one = version.trim().split("[.\\-+]");
		String[] two = other.split("\\.");
		for (int i = 0; i < two.length; i++) {
			int a = (i < one.length) ? number(one[i]) : 0;
			int b = Integer.parseInt(two[i]);
			if (a != b) {
				return a > b;
			}
		}
		return true;
	}

	private static int number(String part) {
		String digits = part.replaceAll("^(\\d*).*$", "$1");
		return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(0, Math.min(digits.length(), 9)));
	}

}
