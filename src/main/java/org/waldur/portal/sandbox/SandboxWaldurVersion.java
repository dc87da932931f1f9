package org.waldur.portal.sandbox;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.config.PortalProperties;

import org.springframework.stereotype.Component;

/**
 * The Waldur version the sandbox answers and behaves as:
 * {@code portal.sandbox.waldur-version} at start, changeable on the sandbox page and by
 * tests. From 8.1.2 on the UID/GID start numbers are no longer {@code plugin_options} and
 * are dropped silently, as Waldur's serializer drops unknown keys.
 */
@Component
@ConditionalOnSandboxMode
public class SandboxWaldurVersion {

	/** The first version without the UID/GID start numbers. */
	static final String POSIX_POOLS_SINCE = "8.1.2";

	/** The plugin options Waldur 8.1.2 removed (POSIX ID pools replace them). */
	static final Set<String> REMOVED_IN_8_1_2 = Set.of("initial_uidnumber", "initial_primarygroup_number",
			"initial_usergroup_number", "initial_rolegroup_number");

	private final String configured;

	private final AtomicReference<String> current;

	SandboxWaldurVersion(PortalProperties properties) {
		this.configured = properties.sandbox().waldurVersion();
		this.current = new AtomicReference<>(this.configured);
	}

	/** The version the sandbox answers now. */
	public String current() {
		return this.current.get();
	}

	/**
	 * Answers as {@code version} from now on.
	 * @throws IllegalArgumentException when it is not a dotted version such as 8.1.2
	 */
	public void set(String version) {
		String trimmed = version.trim();
		if (!trimmed.matches("\\d+(\\.\\d+){0,3}")) {
			throw new IllegalArgumentException("Use a version such as 8.0.5 or 8.1.2.");
		}
		this.current.set(trimmed);
	}

	/** Back to the configured version. */
	public void reset() {
		this.current.set(this.configured);
	}

	/** The plugin options this version no longer knows. */
	Set<String> removedPluginOptions() {
		return atLeast(current(), POSIX_POOLS_SINCE) ? REMOVED_IN_8_1_2 : Set.of();
	}

	static boolean atLeast(String version, String other) {
		String[] one = version.split("\\.");
		String[] two = other.split("\\.");
		for (int i = 0; i < Math.max(one.length, two.length); i++) {
			int a = (i < one.length) ? Integer.parseInt(one[i]) : 0;
			int b = (i < two.length) ? Integer.parseInt(two[i]) : 0;
			if (a != b) {
				return a > b;
			}
		}
		return true;
	}

}
