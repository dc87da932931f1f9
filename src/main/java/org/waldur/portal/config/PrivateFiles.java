package org.waldur.portal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and writes small files readable by the portal's own user only (mode 600), such as
 * generated keys, and keeps the data directory private (mode 700).
 */
public final class PrivateFiles {

	private static final String PRIVATE_FILE = "rw-------";

	private static final String PRIVATE_DIRECTORY = "rwx------";

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private PrivateFiles() {
	}

	/** The trimmed content of {@code file}, if it exists. */
	public static Optional<String> read(Path file) {
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
					: Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * Writes {@code content} to {@code file} with mode 600, creating parent directories.
	 */
	public static void write(Path file, String content) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temp = Files.createTempFile(parent, ".portal", ".tmp");
			restrict(temp);
			Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
			Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	/**
	 * Creates {@code dir} with mode 700 if it is missing; refuses one that other users
	 * can read, write or enter.
	 * @throws InvalidConfigurationException if others have any access to it
	 */
	public static void ensurePrivateDirectory(Path dir) {
		try {
			if (!Files.exists(dir)) {
				Files.createDirectories(dir);
				setMode(dir, PRIVATE_DIRECTORY);
				return;
			}
			Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
			if (!Collections.disjoint(mode, OTHERS)) {
				throw new InvalidConfigurationException("the data directory " + dir.toAbsolutePath()
						+ " (PORTAL_DATA_DIR) can be read by other users (mode " + PosixFilePermissions.toString(mode)
						+ "): run 'chmod 700 " + dir.toAbsolutePath() + "' and start again.");
			}
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: rely on its own access control.
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the data directory " + dir, ex);
		}
	}

	/**
	 * Makes every file under {@code dir} mode 600 and every directory 700, for files that
	 * others created with the default mode (the embedded database's).
	 */
	public static void tighten(Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.forEach((path) -> {
				try {
					setMode(path, Files.isDirectory(path) ? PRIVATE_DIRECTORY : PRIVATE_FILE);
				}
				catch (IOException | UnsupportedOperationException ex) {
					// A file that went away meanwhile, or not a POSIX file system.
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// Walked as far as possible; the directory itself is private.
		}
	}

	private static void setMode(Path path, String mode) throws IOException {
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: rely on the directory's permissions.
		}
	}

}
