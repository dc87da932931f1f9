package org.waldur.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waldur.portal.crypto.SecretBox;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.Accounts;
import org.waldur.portal.security.Role;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default embedded database in file mode, accounts and the generated secret key
 * survive a restart, and the key file is private.
 */
class PersistenceAcrossRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void dataAndGeneratedKeySurviveARestart() throws Exception {
		String sealed;
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(AccountManagement.class).create("persisted", "long-enough-pw", Set.of(Role.SUPPORT), "test");
			sealed = first.getBean(SecretBox.class).encrypt("a-stored-secret", "test");
		}
		Path keyFile = this.dataDir.resolve("secret.key");
		assertThat(keyFile).exists();
		assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(Accounts.class).findByUsername("persisted")).isPresent();
			assertThat(second.getBean(SecretBox.class).decrypt(sealed, "test")).isEqualTo("a-stored-secret");
		}
	}

	@Test
	void generatedAdminPasswordGoesToAPrivateFileNotTheLog() throws Exception {
		try (ConfigurableApplicationContext context = start("--portal.admin-password=")) {
			Path file = this.dataDir.resolve("initial-admin-password");
			assertThat(file).exists();
			assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
			assertThat(Files.readString(file).trim()).hasSizeGreaterThanOrEqualTo(20);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = new String[extra.length + 4];
		args[0] = "--portal.data-dir=" + this.dataDir;
		args[1] = "--spring.datasource.url=jdbc:h2:file:" + this.dataDir
				+ "/portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		args[2] = "--portal.secret-key=";
		args[3] = "--server.port=0";
		System.arraycopy(extra, 0, args, 4, extra.length);
		return new SpringApplicationBuilder(PortalApplication.class).run(args);
	}

}
