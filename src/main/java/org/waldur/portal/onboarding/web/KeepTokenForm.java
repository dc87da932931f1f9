package org.waldur.portal.onboarding.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The keep-token step's form: the token never expires (recommended), or it expires after
 * a number of hours without use.
 */
public class KeepTokenForm {

	/** The choice for a token that never expires. */
	static final String NEVER = "never";

	/** The choice for a lifetime in hours. */
	static final String HOURS = "hours";

	@Pattern(regexp = NEVER + "|" + HOURS,
			message = "Choose whether the token never expires or expires after a number of hours without use.")
	private String expiry = NEVER;

	@Min(value = 1, message = "Enter a number of hours from 1 to 8760 (one year).")
	@Max(value = 8760, message = "Enter a number of hours from 1 to 8760 (one year).")
	private @Nullable Integer hours;

	static KeepTokenForm of(@Nullable Integer seconds) {
		KeepTokenForm form = new KeepTokenForm();
		if (seconds != null) {
			form.expiry = HOURS;
			form.hours = Math.max(1, seconds / 3600);
		}
		return form;
	}

	/** The lifetime in seconds, {@code null} for none. */
	@Nullable Integer toSeconds() {
		return (HOURS.equals(this.expiry) && this.hours != null) ? this.hours * 3600 : null;
	}

	/** Whether a lifetime is chosen but its number of hours is missing. */
	boolean hoursMissing() {
		return HOURS.equals(this.expiry) && this.hours == null;
	}

	public String getExpiry() {
		return this.expiry;
	}

	/** None chosen is the recommended choice; anything but the two choices is refused. */
	public void setExpiry(@Nullable String expiry) {
		this.expiry = (expiry == null || expiry.isBlank()) ? NEVER : expiry.strip();
	}

	public @Nullable Integer getHours() {
		return this.hours;
	}

	public void setHours(@Nullable Integer hours) {
		this.hours = hours;
	}

}
