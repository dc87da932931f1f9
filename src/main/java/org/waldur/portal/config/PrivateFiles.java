package org.waldur.portal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Reads and writes small files readable by the portal's own user only (mode 600), such as
 * generated keys.
 */
public final class PrivateFiles {

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

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: rely on the directory's permissions.
		}
	}

}
