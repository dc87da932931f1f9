package org.waldur.portal.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Plain words for values that would otherwise reach a page as machine text: durations in
 * words ("1 hour 30 minutes", not {@code PT1H30M} or "5400 s") and codes as labels ("Sign
 * in" for {@code SIGN_IN}, the code kept beside it for filtering). Templates call it as
 * {@code @plainWords}.
 */
@Component("plainWords")
public class PlainWords {

	/** A duration in words, largest units first; "no time" for zero. */
	public String duration(@Nullable Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = Math.abs(duration.toSeconds());
		if (seconds == 0) {
			return duration.isZero() ? "no time" : "under a second";
		}
		List<String> parts = new ArrayList<>();
		add(parts, seconds / 86_400, "day");
		add(parts, seconds % 86_400 / 3_600, "hour");
		add(parts, seconds % 3_600 / 60, "minute");
		add(parts, seconds % 60, "second");
		return String.join(" ", parts);
	}

	/** A duration given in seconds, in words. */
	public String seconds(@Nullable Number seconds) {
		return (seconds == null) ? "" : duration(Duration.ofSeconds(seconds.longValue()));
	}

	/** A count with its noun: "1 plan", "3 plans", "no plans". */
	public String count(@Nullable Number amount, String noun) {
		long value = (amount == null) ? 0 : amount.longValue();
		return (value == 0) ? "no " + noun + "s" : value + " " + noun + ((value == 1) ? "" : "s");
	}

	/**
	 * A code such as {@code SIGN_IN} or {@code OFFERING.MANAGER} as a label: "Sign in".
	 */
	public String label(@Nullable Object code) {
		if (code == null) {
			return "";
		}
		String words = code.toString().replace('_', ' ').replace('.', ' ').strip().toLowerCase(Locale.ROOT);
		return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static void add(List<String> parts, long amount, String unit) {
		if (amount > 0) {
			parts.add(amount + " " + unit + ((amount == 1) ? "" : "s"));
		}
	}

}
