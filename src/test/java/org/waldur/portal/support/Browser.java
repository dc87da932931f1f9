package org.waldur.portal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Headless Debian Chromium driven by Selenium (no Selenium Manager), as a JUnit extension
 * that every browser test registers:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 *
 * <p>
 * One browser per test class; cookies are cleared before each test and the base URL is
 * the Spring test server's port. Every action that loads a page waits until the old page
 * is gone (a mark set on its document is no longer there), the new document is
 * {@code complete} and the new page's known element is present; element look-ups wait
 * explicitly (there is no implicit wait). When a test fails, the page's screenshot,
 * source and address are saved under {@code target/browser-failures/}, so a red CI
 * explains itself.
 *
 * <p>
 * Where no browser is installed the test is skipped, except in CI ({@code CI=true}) where
 * it fails.
 */
public final class Browser
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

	/** Where screenshots go for review. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Where the page of a failed test goes. */
	public static final Path FAILURES = Path.of("target", "browser-failures");

	/** How long a page may take to replace the old one on a busy machine. */
	private static final Duration DEFAULT_PAGE_WAIT = Duration.ofSeconds(45);

	private final Duration pageWait;

	private ChromeDriver driver;

	private String baseUrl;

	public Browser() {
		this(DEFAULT_PAGE_WAIT);
	}

	/** A browser whose waits give up after the given time. */
	public Browser(Duration pageWait) {
		this.pageWait = pageWait;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.driver = startChromium();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		this.baseUrl = "http://localhost:" + port;
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent() && this.driver != null) {
			String name = context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName() + "-"
					+ Integer.toHexString(context.getUniqueId().hashCode());
			saveFailure(name);
		}
	}

	/** The driver, for what this class does not cover. */
	public ChromeDriver driver() {
		return this.driver;
	}

	public String url(String path) {
		return this.baseUrl + path;
	}

	/**
	 * Opens a path of the portal and waits for the element that shows the page is there.
	 */
	public void open(String path, By ready) {
		this.driver.get(url(path));
		awaitPage(ready);
	}

	/**
	 * Clicks something that loads another page and waits until the new page, with the
	 * given element, has replaced the old one.
	 */
	public void clickAndWait(By target, By ready) {
		clickAndWait(find(target), ready);
	}

	/**
	 * As {@link #clickAndWait(By, By)}, for an element already found on the settled page.
	 */
	public void clickAndWait(WebElement element, By ready) {
		markPage();
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
		awaitReplaced("the click");
		awaitPage(ready);
	}

	/**
	 * Clicks something on the page that loads nothing (a tick box), scrolled into view
	 * first so that the sticky header cannot cover it.
	 */
	public void click(By target) {
		WebElement element = find(target);
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	/** Waits until the document is complete and holds the element; returns it. */
	public WebElement awaitPage(By ready) {
		// While a document loads, Chromium may answer look-ups with inspector errors: ask
		// again.
		WebDriverWait wait = new WebDriverWait(this.driver, this.pageWait);
		wait.ignoring(WebDriverException.class);
		try {
			wait.until(this::documentComplete);
			return wait.until(ExpectedConditions.presenceOfElementLocated(ready));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Expected " + ready + " on the page at " + this.driver.getCurrentUrl()
					+ " (title \"" + this.driver.getTitle() + "\")", ex);
		}
	}

	/**
	 * Marks the current document, so that its replacement can be told apart from it
	 * without holding an element of it: Chromium answers questions about an element of a
	 * replaced page with an "unhandled inspector error", not a stale element reference.
	 */
	private void markPage() {
		this.driver.executeScript("window.__browserTestOldPage = true;");
	}

	private void awaitReplaced(String action) {
		try {
			new WebDriverWait(this.driver, this.pageWait).until(Browser::pageReplaced);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The page at " + this.driver.getCurrentUrl() + " was not replaced within "
					+ this.pageWait.toSeconds() + " s after " + action, ex);
		}
	}

	/** Whether the marked document is gone; while it is going away, ask again. */
	private static boolean pageReplaced(WebDriver driver) {
		try {
			return !Boolean.TRUE
				.equals(((JavascriptExecutor) driver).executeScript("return window.__browserTestOldPage === true;"));
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	/** An element of the settled page, waited for. */
	public WebElement find(By by) {
		try {
			return new WebDriverWait(this.driver, this.pageWait).until(ExpectedConditions.presenceOfElementLocated(by));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + by + " on the page at " + this.driver.getCurrentUrl(), ex);
		}
	}

	/** All matching elements of the settled page, possibly none (no waiting). */
	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	public String text(By by) {
		return find(by).getText();
	}

	public String value(By by) {
		return find(by).getDomProperty("value");
	}

	/** Replaces the text of a field. */
	public void type(By field, String text) {
		WebElement input = find(field);
		input.clear();
		input.sendKeys(text);
	}

	public void select(By field, String visibleText) {
		new Select(find(field)).selectByVisibleText(visibleText);
	}

	public String pageSource() {
		return this.driver.getPageSource();
	}

	/** Reloads the page and waits for the element. */
	public void reload(By ready) {
		markPage();
		this.driver.navigate().refresh();
		awaitReplaced("reloading it");
		awaitPage(ready);
	}

	/** Saves a screenshot as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		return saveScreenshot(SCREENSHOTS.resolve(name + ".png"));
	}

	private boolean documentComplete(WebDriver driver) {
		return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
	}

	private void saveFailure(String name) {
		try {
			Files.createDirectories(FAILURES);
			saveScreenshot(FAILURES.resolve(name + ".png"));
			String page = "<!-- " + this.driver.getCurrentUrl().replace("--", "- -") + " -->\n"
					+ this.driver.getPageSource();
			Files.writeString(FAILURES.resolve(name + ".html"), page, StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save the failing page " + name + ": " + ex);
		}
	}

	private Path saveScreenshot(Path target) {
		try {
			Files.createDirectories(target.getParent());
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ChromeDriver startChromium() {
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
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
		return browser;
	}

}
