package org.waldur.portal.sandbox;

import java.io.IOException;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.waldur.portal.PortalApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox migration and queries work on PostgreSQL too.
 */
class SandboxPostgresTests {

	@Test
	void seedsAndStoresOnPostgres() throws IOException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class).run(
						"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--server.port=0")) {
			SandboxSeed seed = context.getBean(SandboxSeed.class);
			assertThat(seed.staffToken()).matches("[0-9a-f]{40}");
			SandboxOfferings offerings = context.getBean(SandboxOfferings.class);
			SandboxOffering offering = new SandboxOffering(Ids.uuid(), "PG", "", seed.providerCustomerUuid(),
					seed.categoryUuid("HPC"), "Marketplace.Slurm", true, true, "Draft", "{\"a\": 1}", Instant.now());
			offerings.create(offering, java.util.List.of(), java.util.List.of());
			offerings.updateState(offering.uuid(), "Active");
			assertThat(offerings.find(offering.uuid())).hasValueSatisfying((found) -> {
				assertThat(found.state()).isEqualTo("Active");
				assertThat(found.pluginOptions()).contains("\"a\"");
			});
		}
	}

}
