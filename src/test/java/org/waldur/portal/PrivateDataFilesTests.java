package org.waldur.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.waldur.portal.config.InvalidConfigurationException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data directory and every file in it, the embedded database's included, are the
 * portal's own user's only; a data directory others can read is refused at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivateDataFilesTests {

	@TempDir
	Path parent;

	@Test
	void theDataDirectoryIs700AndEveryFileInIt600() throws IOException {
		Path dataDir = this.parent.resolve("data");
		try (ConfigurableApplicationContext context = start(dataDir)) {
			assertThat(mode(dataDir)).isEqualTo("rwx------");
			List<Path> files;
			try (Stream<Path> walk = Files.walk(dataDir)) {
				files = walk.filter(Files::isRegularFile).toList();
			}
			assertThat(files).extracting((file) -> file.getFileName().toString())
				.contains("portal.mv.db", "secret.key", "initial-admin-password");
			for (Path file : files) {
				assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
			}
		}
	}

	@Test
	void aDataDirectoryOthersCanReadIsRefusedInOneLine(CapturedOutput output) throws IOException {
		Path dataDir = Files.createDirectory(this.parent.resolve("shared"));
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThatThrownBy(() -> start(dataDir).close()).isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("chmod 700");
		assertThat(output).containsPattern("Invalid portal configuration: the data directory .*shared "
				+ "\\(PORTAL_DATA_DIR\\) can be read by other users \\(mode rwxr-xr-x\\): run 'chmod 700 .*shared' "
				+ "and start again\\.");
		assertThat(dataDir.resolve("portal.mv.db")).doesNotExist();
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(PortalApplication.class).run("--portal.data-dir=" + dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + dataDir
						+ "/portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--portal.secret-key=", "--portal.admin-password=", "--server.port=0");
	}

}
