package org.waldur.portal.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A failing browser test leaves its page behind: screenshot, source and address under
 * {@code target/browser-failures}, and a message that names what it waited for.
 */
class BrowserFailureArtifactsTests {

	@Test
	void aFailingBrowserTestSavesItsPageAndSaysWhatItWaitedFor() throws Exception {
		try (Stream<Path> old = Files.exists(Browser.FAILURES) ? Files.list(Browser.FAILURES) : Stream.empty()) {
			old.filter(p -> p.getFileName().toString().startsWith("WaitsForAMissingElement-"))
				.forEach(p -> p.toFile().delete());
		}

		var results = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(WaitsForAMissingElement.class))
			.execute()
			.testEvents();

		results.assertStatistics(stats -> stats.started(1).failed(1));
		Throwable failure = results.failed()
			.stream()
			.findFirst()
			.orElseThrow()
			.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
			.getThrowable()
			.orElseThrow();
		assertThat(failure).hasMessageContaining("Expected By.id: no-such-element on the page at http://localhost:")
			.hasMessageContaining("/login");
		try (Stream<Path> saved = Files.list(Browser.FAILURES)) {
			assertThat(saved.map(p -> p.getFileName().toString())
				.filter(n -> n.startsWith("WaitsForAMissingElement-opensTheSignInPage-")))
				.anySatisfy(n -> assertThat(n).endsWith(".png"))
				.anySatisfy(n -> assertThat(n).endsWith(".html"));
		}
		try (Stream<Path> saved = Files.list(Browser.FAILURES)) {
			Path source = saved.filter(p -> p.getFileName().toString().startsWith("WaitsForAMissingElement-"))
				.filter(p -> p.toString().endsWith(".html"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.readString(source)).contains("/login -->").contains("id=\"sign-in\"");
		}
	}

	/**
	 * Run only through the test kit above (nested classes are not discovered on their
	 * own).
	 */
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	static class WaitsForAMissingElement {

		@RegisterExtension
		static final Browser browser = new Browser(Duration.ofSeconds(3));

		@Test
		void opensTheSignInPage() {
			browser.open("/login", By.id("no-such-element"));
		}

	}

}
