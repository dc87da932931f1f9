package org.waldur.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.waldur.portal.config.PortalProperties;

import org.springframework.stereotype.Component;

/**
 * The rules every password of a portal account meets, {@code PORTAL_ADMIN_PASSWORD}
 * included: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes
 * (bcrypt ignores the rest), taken as typed (never trimmed), and not common or easy to
 * guess. "Common" is judged by zxcvbn against its bundled lists (about 30,000 common
 * passwords from leaks, English words, names) plus repeats, sequences, keyboard patterns,
 * dates, the account name and the portal's own words; a password must reach zxcvbn's
 * score {@value #MIN_SCORE} (about 10^8 guesses or more). The sandbox demo password is
 * published on the sign-in page, so it is refused for every account an administrator
 * sets.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_BYTES = ThrottledSignIn.MAX_PASSWORD_BYTES;

	static final int MIN_SCORE = 3;

	private static final List<String> PORTAL_WORDS = List.of("waldur", "portal", "onboarding", "slurm", "admin");

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final String demoPassword;

	public PasswordPolicy(PortalProperties properties) {
		this.demoPassword = properties.sandbox().demoPassword();
	}

	/**
	 * What is wrong with the password for the account, in one sentence; empty if fine.
	 */
	public Optional<String> problem(String password, String username) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("Use at most " + MAX_BYTES
					+ " bytes (72 plain letters or digits, fewer with accents or other scripts).");
		}
		List<String> context = new ArrayList<>(PORTAL_WORDS);
		context.add(username);
		if (password.equals(this.demoPassword) || this.zxcvbn.measure(password, context).getScore() < MIN_SCORE) {
			return Optional.of("Choose a less common password: this one is on a list of common passwords "
					+ "or easy to guess. A few unrelated words make a good one.");
		}
		return Optional.empty();
	}

}
