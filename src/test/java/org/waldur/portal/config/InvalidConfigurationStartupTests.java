package org.waldur.portal.config;

import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waldur.portal.PortalApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal refuses to start with an invalid setting and says why in one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationStartupTests {

	static Stream<Arguments> invalidSettings() {
		return Stream.of(Arguments.of("portal.waldur.url=not a url", "WALDUR_URL must be an http(s) URL"),
				Arguments.of("portal.waldur.staff-token=0123456789abcdef",
						"WALDUR_STAFF_TOKEN is set but WALDUR_URL is not"),
				Arguments.of("portal.secret-key=dG9vLXNob3J0", "PORTAL_SECRET_KEY must decode to 32 bytes"),
				Arguments.of("portal.login.max-failures=0", "portal.login.max-failures must be at least 1"),
				Arguments.of("portal.admin-password=aaaaaaaaaaaaaaaa",
						"PORTAL_ADMIN_PASSWORD breaks the password rules: Choose a less common password"),
				Arguments.of("portal.admin-password=" + "long-admin-password-".repeat(4),
						"PORTAL_ADMIN_PASSWORD breaks the password rules: Use at most 72 bytes"),
				Arguments.of("portal.sign-in.local=false", "PORTAL_LOCAL_SIGN_IN=false needs PORTAL_OIDC_ISSUER_URI"),
				Arguments.of("portal.sign-in.oidc.issuer-uri=https://idp.example.org/realms/hpc",
						"PORTAL_OIDC_ISSUER_URI is set but PORTAL_OIDC_CLIENT_ID is not"),
				Arguments.of("portal.sign-in.oidc.issuer-uri=idp.example.org",
						"PORTAL_OIDC_ISSUER_URI must be an http(s) URL"));
	}

	@ParameterizedTest
	@MethodSource("invalidSettings")
	void startFailsWithAOneLineMessage(String setting, String message, CapturedOutput output) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(PortalApplication.class)
			.properties("server.port=0");
		assertThatThrownBy(() -> builder.run("--" + setting))
			.hasRootCauseInstanceOf(InvalidConfigurationException.class)
			.rootCause()
			.hasMessageContaining(message);
		assertThat(output).contains("Invalid portal configuration: " + message);
		String line = output.getAll()
			.lines()
			.filter((l) -> l.startsWith("Invalid portal configuration:"))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains(message);
	}

}
