package org.waldur.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .ci/api-onboarding} (curl and jq only) against the portal over HTTP: it
 * completes a sandbox onboarding with a token read from a header file, and run again it
 * changes nothing in Waldur.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.waldur.page-read-timeout=5s")
class ApiScriptTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxCallLog calls;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void theScriptOnboardsEndToEndAndARerunChangesNothingInWaldur() throws Exception {
		Path header = this.dir.resolve("token-header");
		Files.writeString(header,
				"Authorization: Bearer " + ApiTestTokens.issue(this.tokens, "operator", "script").secret() + "\n");
		Files.setPosixFilePermissions(header, PosixFilePermissions.fromString("rw-------"));
		Path spec = this.dir.resolve("onboarding.json");
		Files.writeString(spec, ApiClient.createBody("Scripted Cluster", "scripted_agent",
				this.seed.providerCustomerUuid(), this.seed.categoryUuid("HPC")));
		long before = this.calls.position();
		String first = runScript(header, spec);
		assertThat(first).contains("Started onboarding").contains("COMPLETED");
		assertThat(this.calls.count(before, SandboxCallLog.Call::changed)).isGreaterThanOrEqualTo(6);
		assertThat(Files.readString(this.dir.resolve("waldur-site-agent-config.yaml"))).contains("offering_uuid");
		long beforeRerun = this.calls.position();
		String second = runScript(header, spec);
		assertThat(second).contains("Resuming onboarding").contains("COMPLETED").doesNotContain("Started");
		assertThat(this.calls.count(beforeRerun, SandboxCallLog.Call::changed)).as("changes in Waldur on a re-run")
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from sandbox_offering where name = 'Scripted Cluster'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String runScript(Path header, Path spec) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", ".ci/api-onboarding").redirectErrorStream(true);
		builder.environment().put("PORTAL_URL", "http://127.0.0.1:" + this.port);
		builder.environment().put("TOKEN_HEADER_FILE", header.toString());
		builder.environment().put("ONBOARDING_FILE", spec.toString());
		builder.environment().put("OUT_DIR", this.dir.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
