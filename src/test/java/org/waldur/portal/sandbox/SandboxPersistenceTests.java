package org.waldur.portal.sandbox;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waldur.portal.PortalApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox data lives in the portal's database: it survives a restart, seeding is
 * idempotent, generated tokens are stable and configured tokens replace them.
 */
class SandboxPersistenceTests {

	@TempDir
	Path dataDir;

	@Test
	void dataAndTokensSurviveARestart() {
		String staffToken;
		String ownerToken;
		String userUuid;
		String customerUuid;
		try (ConfigurableApplicationContext first = start()) {
			SandboxSeed seed = first.getBean(SandboxSeed.class);
			staffToken = seed.staffToken();
			ownerToken = seed.ownerToken();
			customerUuid = seed.providerCustomerUuid();
			userUuid = seed.userUuid(SandboxSeed.OWNER_USERNAME);
			first.getBean(SandboxUsers.class)
				.create(new SandboxUser(Ids.uuid(), "kept", "kept@example.com", "", "", false, true, 3600,
						java.time.Instant.now()), Ids.tokenKey(), java.time.Instant.now());
		}
		assertThat(staffToken).matches("[0-9a-f]{40}");
		try (ConfigurableApplicationContext second = start()) {
			SandboxSeed seed = second.getBean(SandboxSeed.class);
			assertThat(seed.staffToken()).isEqualTo(staffToken);
			assertThat(seed.ownerToken()).isEqualTo(ownerToken);
			assertThat(seed.providerCustomerUuid()).isEqualTo(customerUuid);
			assertThat(seed.userUuid(SandboxSeed.OWNER_USERNAME)).isEqualTo(userUuid);
			assertThat(second.getBean(SandboxUsers.class).findByUsername("kept")).isPresent();
			assertThat(second.getBean(SandboxDirectory.class).customers()).hasSize(2);
			assertThat(second.getBean(SandboxDirectory.class).categories()).hasSize(2);
		}
		String configured = "ab".repeat(20);
		try (ConfigurableApplicationContext third = start("--portal.sandbox.staff-token=" + configured)) {
			SandboxSeed seed = third.getBean(SandboxSeed.class);
			assertThat(seed.staffToken()).isEqualTo(configured);
			assertThat(seed.ownerToken()).isEqualTo(ownerToken);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = new String[extra.length + 3];
		args[0] = "--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("portal").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		args[1] = "--server.port=0";
		args[2] = "--portal.data-dir=" + this.dataDir;
		System.arraycopy(extra, 0, args, 3, extra.length);
		return new SpringApplicationBuilder(PortalApplication.class).run(args);
	}

}
