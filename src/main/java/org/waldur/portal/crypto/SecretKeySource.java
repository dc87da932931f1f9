package org.waldur.portal.crypto;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Where the secret key came from: {@code PORTAL_SECRET_KEY}, or the key file in the data
 * directory, which may have just been generated.
 *
 * @param file the key file, {@code null} when the key came from the setting
 * @param generated whether the key file was generated at this start
 */
record SecretKeySource(@Nullable Path file, boolean generated) {

	String describe() {
		if (this.file == null) {
			return "from PORTAL_SECRET_KEY";
		}
		return (this.generated ? "generated just now into " : "from ") + this.file.toAbsolutePath();
	}

	String restore() {
		return (this.file == null) ? "the PORTAL_SECRET_KEY it had"
				: this.file.toAbsolutePath() + " (or set PORTAL_SECRET_KEY to the key it had)";
	}

}
