package org.waldur.portal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, without Selenium Manager. Where no browser
 * is installed the test is skipped, except in CI ({@code CI=true}) where it fails.
 */
public final class Browser {

	/** Where screenshots go for review. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Browser() {
	}

	public static ChromeDriver start() {
		File chromium = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		File driver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
		boolean present = chromium.canExecute() && driver.canExecute();
		if (!present) {
			String message = "Chromium or chromedriver missing (" + chromium + ", " + driver
					+ "); install the Debian packages chromium and chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return browser;
	}

	/**
	 * Clicks something that loads another page, and waits until the new page replaced it.
	 */
	public static void clickAndWait(ChromeDriver browser, org.openqa.selenium.WebElement element) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
	}

	/** Saves a screenshot as {@code target/screenshots/<name>.png}. */
	public static Path screenshot(ChromeDriver browser, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			File shot = browser.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
