package org.waldur.portal.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fault injected into the next calls of the sandbox API that match a method and a path
 * pattern.
 *
 * @param id identifier of this fault
 * @param method HTTP method such as {@code POST}, or {@code *} for any
 * @param pathPattern path below the API root where {@code *} matches any characters
 * (including {@code /}), such as {@code users/} or {@code * /add_user/} without the
 * space; a leading {@code /} is ignored
 * @param kind what the fault does
 * @param status HTTP status for {@link FaultKind#FAIL} and
 * {@link FaultKind#APPLY_THEN_FAIL}
 * @param delay how long {@link FaultKind#DELAY} holds the response
 * @param remaining how many more matching calls it affects
 */
public record Fault(long id, String method, String pathPattern, FaultKind kind, int status, Duration delay,
		int remaining) {

	public Fault {
		method = method.trim().toUpperCase(Locale.ROOT);
		pathPattern = pathPattern.trim().replaceFirst("^/+", "");
		if (method.isEmpty() || pathPattern.isEmpty()) {
			throw new IllegalArgumentException("A fault needs a method and a path pattern");
		}
		if ((kind == FaultKind.FAIL || kind == FaultKind.APPLY_THEN_FAIL) && (status < 400 || status > 599)) {
			throw new IllegalArgumentException("A failing fault needs an error status (400-599)");
		}
		if (delay.isNegative()) {
			throw new IllegalArgumentException("The delay must not be negative");
		}
		if (remaining < 1) {
			throw new IllegalArgumentException("A fault must affect at least one call");
		}
	}

	/** Whether a call with this method and path (below the API root) matches. */
	public boolean matches(String callMethod, String path) {
		return ("*".equals(this.method) || this.method.equalsIgnoreCase(callMethod))
				&& toRegex().matcher(path).matches();
	}

	Fault withRemaining(int count) {
		return new Fault(this.id, this.method, this.pathPattern, this.kind, this.status, this.delay, count);
	}

	private Pattern toRegex() {
		StringBuilder regex = new StringBuilder();
		for (String part : this.pathPattern.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString().replace("\\Q\\E", ""));
	}

}
