package org.waldur.portal.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files the drills share across test JVMs and processes, under {@code target/drills}: the
 * markdown figures and the list of every secret issued during the run.
 */
public final class DrillFiles {

	/** Where the drills write their figures. */
	public static final Path DIR = Path.of("target", "drills");

	/** Every token issued during the run, one per line; the secrets scan reads it. */
	static final Path ISSUED_SECRETS = DIR.resolve("secrets").resolve("issued-secrets.txt");

	/** Places where a known secret was found while the drills ran, one per line. */
	static final Path FINDINGS = DIR.resolve("secrets").resolve("findings.txt");

	private DrillFiles() {
	}

	/** Writes a figures file such as {@code fault-matrix.md}. */
	public static Path write(String name, String markdown) {
		return writeTo(DIR.resolve(name), markdown);
	}

	/**
	 * Appends a line to a figures file, starting it with {@code header} when it does not
	 * exist yet.
	 */
	public static synchronized void appendFigure(String name, String line, String header) {
		Path file = DIR.resolve(name);
		append(file, (Files.exists(file) ? "" : header) + line);
	}

	/** Remembers secrets issued during the run so the final scan can look for them. */
	public static synchronized void recordSecrets(Iterable<String> secrets) {
		Set<String> known = new LinkedHashSet<>(issuedSecrets());
		StringBuilder added = new StringBuilder();
		for (String secret : secrets) {
			if (secret != null && secret.length() >= 8 && known.add(secret)) {
				added.append(secret).append('\n');
			}
		}
		if (!added.isEmpty()) {
			append(ISSUED_SECRETS, added.toString());
		}
	}

	/** Records that a secret was found where it must not be (never the secret itself). */
	static synchronized void recordFinding(String where) {
		append(FINDINGS, where + "\n");
	}

	/** The secrets recorded so far. */
	public static List<String> issuedSecrets() {
		return readLines(ISSUED_SECRETS);
	}

	static List<String> findings() {
		return readLines(FINDINGS);
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank())
				.toList() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void append(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path writeTo(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
