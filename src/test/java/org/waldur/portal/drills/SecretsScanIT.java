package org.waldur.portal.drills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.waldur.testprovider.TestProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets scan, run last: every token issued during the run (collected by
 * {@link IssuedSecretsListener} and the process drills) and every fixed password of the
 * test configuration must appear in no test log, no portal process log and no figures
 * file; step attempt records were checked while their databases were alive. Writes
 * {@code target/drills/secrets.md}.
 */
@Tag("scan")
@Order(Integer.MAX_VALUE)
class SecretsScanIT {

	static final List<String> PASSWORDS = List.of("test-admin-password", PortalProcess.ADMIN_PASSWORD,
			PortalProcess.SECRET_KEY, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", TestProvider.CLIENT_SECRET,
			"keycloak-test-client-secret");

	@Test
	void noIssuedTokenOrPasswordAppearsInLogsOrFiles() throws IOException {
		Set<String> secrets = new LinkedHashSet<>(DrillFiles.issuedSecrets());
		int tokens = secrets.size();
		secrets.addAll(PASSWORDS);
		List<Path> files = files();
		List<String> found = new ArrayList<>();
		long bytes = 0;
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			bytes += text.length();
			for (String secret : secrets) {
				if (text.contains(secret)) {
					found.add(file + " holds a secret of " + secret.length() + " characters starting "
							+ secret.substring(0, 3) + "...");
				}
			}
		}
		found.addAll(DrillFiles.findings());
		DrillFiles.write("secrets.md", """
				# Secrets scan

				| Figure | Value |
				|---|---|
				| tokens issued during the run (known to the scan) | %d |
				| fixed passwords and keys looked for | %d |
				| files scanned (test and process logs, figures) | %d (%d KB) |
				| step attempt records checked | every Spring test context, after its class |
				| tokens or passwords found | %d |
				""".formatted(tokens, PASSWORDS.size(), files.size(), bytes / 1024, found.size()));
		assertThat(tokens).as("tokens known to the scan").isPositive();
		assertThat(files).isNotEmpty();
		assertThat(found).isEmpty();
	}

	private static List<Path> files() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path dir : List.of(Path.of("target", "surefire-reports"), Path.of("target", "failsafe-reports"),
				DrillFiles.DIR)) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> walk = Files.walk(dir)) {
					walk.filter(Files::isRegularFile)
						.filter((file) -> !file.startsWith(DrillFiles.ISSUED_SECRETS.getParent()))
						.filter((file) -> !file.getFileName().toString().startsWith("TEST-"))
						.filter((file) -> !file.getFileName().toString().startsWith(SecretsScanIT.class.getName()))
						.forEach(files::add);
				}
			}
		}
		return files;
	}

}
