package org.waldur.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.waldur.portal.config.InvalidConfigurationException;
import org.waldur.portal.crypto.SecretBox;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Role;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fingerprint of the secret key is stored; while encrypted secrets exist, start-up
 * refuses another key or a freshly generated one and says what to restore.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretKeyFingerprintTests {

	static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	@TempDir
	Path dataDir;

	@Test
	void anotherKeyIsRefusedWhileEncryptedSecretsExist(CapturedOutput output) {
		try (ConfigurableApplicationContext first = start("--portal.secret-key=" + KEY_A)) {
			storeASecret(first);
		}
		assertThatThrownBy(() -> start("--portal.secret-key=" + KEY_B).close()).rootCause()
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("from PORTAL_SECRET_KEY is not the key the 1 stored secrets were encrypted with")
			.hasMessageContaining("restore the PORTAL_SECRET_KEY it had");
		assertThat(output).contains("Invalid portal configuration: the secret key from PORTAL_SECRET_KEY");
		start("--portal.secret-key=" + KEY_A).close();
	}

	@Test
	void aFreshlyGeneratedKeyIsRefusedWhileEncryptedSecretsExist() throws Exception {
		try (ConfigurableApplicationContext first = start("--portal.secret-key=")) {
			storeASecret(first);
		}
		Path keyFile = this.dataDir.resolve("secret.key");
		Path backup = Files.move(keyFile, this.dataDir.resolve("secret.key.bak"));
		assertThatThrownBy(() -> start("--portal.secret-key=").close()).rootCause()
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("generated just now into " + keyFile.toAbsolutePath())
			.hasMessageContaining("restore " + keyFile.toAbsolutePath());
		Files.move(backup, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		start("--portal.secret-key=").close();
	}

	@Test
	void theFingerprintIsStoredAndIsNotTheKey() {
		try (ConfigurableApplicationContext context = start("--portal.secret-key=" + KEY_A)) {
			List<String> stored = context.getBean(JdbcTemplate.class)
				.queryForList("select fingerprint from secret_key_fingerprint", String.class);
			assertThat(stored).containsExactly(context.getBean(SecretBox.class).fingerprint());
			assertThat(stored.get(0)).hasSize(64).doesNotContain(KEY_A);
		}
	}

	private static void storeASecret(ConfigurableApplicationContext context) {
		OnboardingSession session = context.getBean(Onboarding.class)
			.start(new Viewer("operator", java.util.Set.of(Role.OPERATOR)));
		String sealed = context.getBean(SecretBox.class).encrypt("owner-token", "test");
		context.getBean(JdbcTemplate.class)
			.update("update onboarding_session set owner_token_secret = ? where id = ?", sealed, session.getId());
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> args = new ArrayList<>(List.of("--portal.data-dir=" + this.dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + this.dataDir
						+ "/portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--server.port=0"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(PortalApplication.class).run(args.toArray(String[]::new));
	}

}
