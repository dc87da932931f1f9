package org.waldur.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the delivery files are checked by reading them: the
 * compose file passes every setting the portal needs, and only settings it reads.
 */
class DeliveryFilesTests {

	private static final List<String> REQUIRED = List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
			"SPRING_DATASOURCE_PASSWORD", "PORTAL_SECRET_KEY", "PORTAL_ADMIN_PASSWORD", "PORTAL_DATA_DIR", "WALDUR_URL",
			"WALDUR_STAFF_TOKEN");

	@Test
	@SuppressWarnings("unchecked")
	void composeRunsThePortalWithPostgres17AndEverySettingItNeeds() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
		Map<String, Object> portal = (Map<String, Object>) services.get("portal");
		assertThat((String) postgres.get("image")).startsWith("postgres:17");
		assertThat((Map<String, Object>) postgres.get("healthcheck")).containsKey("test");
		Map<String, Object> environment = (Map<String, Object>) portal.get("environment");
		assertThat(environment).containsKeys(REQUIRED.toArray(String[]::new));
		assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/portal");
		assertThat(String.valueOf(environment.get("PORTAL_SECRET_KEY"))).startsWith("${PORTAL_SECRET_KEY:?");
		Map<String, Object> dependsOn = (Map<String, Object>) portal.get("depends_on");
		assertThat(dependsOn).containsEntry("postgres", Map.of("condition", "service_healthy"));
		assertThat((List<String>) portal.get("volumes")).contains("portal-data:/data");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("portal-data", "postgres-data");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyPortalVariableInComposeIsOneThePortalReads() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<String, Object> portal = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
			.get("portal");
		String properties = Files.readString(Path.of("src/main/resources/application.properties"));
		for (String name : ((Map<String, Object>) portal.get("environment")).keySet()) {
			if (!name.startsWith("SPRING_")) {
				assertThat(properties).as("application.properties reads %s", name).contains("${" + name + ":");
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeRefusesToStartWithoutWaldurUrlAndPublishesNoSandbox() throws IOException {
		Map<String, Object> portal = service("docker-compose.yml", "portal");
		Map<String, Object> environment = (Map<String, Object>) portal.get("environment");
		assertThat(String.valueOf(environment.get("WALDUR_URL"))).startsWith("${WALDUR_URL:?");
		assertThat(String.valueOf(environment.get("WALDUR_STAFF_TOKEN"))).startsWith("${WALDUR_STAFF_TOKEN:?");
		assertThat(environment).doesNotContainKeys("PORTAL_SANDBOX_STAFF_TOKEN", "PORTAL_SANDBOX_OWNER_TOKEN");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSandboxIsItsOwnComposeFileBoundToLoopbackOnly() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.sandbox.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsOnlyKeys("portal");
		Map<String, Object> portal = (Map<String, Object>) services.get("portal");
		Map<String, Object> environment = (Map<String, Object>) portal.get("environment");
		assertThat(environment).containsEntry("WALDUR_URL", "").containsKey("PORTAL_DATA_DIR");
		for (String port : (List<String>) portal.get("ports")) {
			assertThat(port).as("a published port of the sandbox").startsWith("127.0.0.1:");
		}
		String properties = Files.readString(Path.of("src/main/resources/application.properties"));
		for (String name : environment.keySet()) {
			assertThat(properties).as("application.properties reads %s", name).contains("${" + name + ":");
		}
	}

	@Test
	void theImageKeepsItsDataDirectoryPrivate() throws IOException {
		assertThat(Files.readString(Path.of("Dockerfile"))).contains("chmod 700 /data");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(String file, String name) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of(file)));
		return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
	}

	@Test
	void dockerfileBuildsInTwoStagesAndRunsAsNonRootWithAHealthCheck() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		Matcher from = Pattern.compile("(?m)^FROM ").matcher(dockerfile);
		int stages = 0;
		while (from.find()) {
			stages++;
		}
		assertThat(stages).isEqualTo(2);
		assertThat(dockerfile).contains("AS build", "COPY db db", "COPY frontend-assets frontend-assets")
			.containsPattern("(?m)^USER portal")
			.containsPattern("(?m)^HEALTHCHECK .*")
			.contains("/actuator/health/liveness");
	}

	@Test
	void readmeDocumentsEverySetting() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		for (String name : REQUIRED) {
			assertThat(readme).as("README documents %s", name).contains("`" + name + "`");
		}
		assertThat(readme).contains("`PORTAL_SANDBOX_STAFF_TOKEN`", "`PORTAL_SANDBOX_OWNER_TOKEN`");
	}

}
