package org.waldur.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role's main pages, in Chromium, checked with axe-core (the npm package, kept
 * under {@code src/test/resources/axe-core}: nothing is downloaded at test time) for
 * critical and serious WCAG 2.1 A/AA violations, and at phone width (390 px) for sideways
 * scrolling and a reachable "Sign out". Screenshots at 1280 and 390 px go to
 * {@code target/screenshots/a11y-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final String AXE = readAxe();

	private static final By STEP = By.id("step-heading");

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcClient jdbc;

	/** One page of the walk: who sees it, where, and what shows it is there. */
	record Page(String name, String user, String path, By ready) {
	}

	@Test
	void everyPageOfEveryRoleHasNoCriticalOrSeriousAxeViolation() {
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		List<String> violations = new ArrayList<>();
		walk((page) -> {
			violations.addAll(axe(page.name()));
			browser.screenshot("a11y-" + page.name() + "-1280");
		});
		assertThat(violations).as("axe-core critical/serious violations").isEmpty();
	}

	@Test
	void atPhoneWidthNoPageScrollsSidewaysAndSignOutIsReachable() {
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		List<String> problems = new ArrayList<>();
		try {
			walk((page) -> {
				long innerWidth = number("return window.innerWidth;");
				long scrollWidth = number("return document.documentElement.scrollWidth;");
				if (scrollWidth > innerWidth) {
					problems.add(page.name() + ": " + scrollWidth + " px wide in a " + innerWidth
							+ " px window, widened by "
							+ browser.driver()
								.executeScript(
										"var w = window.innerWidth; return Array.from(document.querySelectorAll('body *'))"
												+ ".filter(function (e) { return e.getBoundingClientRect().right > w + 1"
												+ " && e.parentElement.getBoundingClientRect().right <= w + 1; })"
												+ ".slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');"));
				}
				long steps = number("var list = document.getElementById('step-indicator');"
						+ " return list ? Math.round(list.getBoundingClientRect().height) : 0;");
				if (steps > 200) {
					problems.add(page.name() + ": the step list is " + steps + " px high, "
							+ "the phone's first screen is mostly steps");
				}
				browser.screenshot("a11y-" + page.name() + "-390");
				if (page.user() != null && !signOutReachable()) {
					problems.add(page.name() + ": Sign out cannot be reached");
				}
				problems.addAll(axe(page.name() + "@390"));
			});
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aFailedSubmitMovesFocusToTheSummaryAndTiesEachErrorToItsField() {
		long draft = driver().prepared("A11y Errors", "a11y_errors_agent", OnboardingDriver.OPERATOR);
		signIn("operator");
		browser.open("/onboarding/" + draft + "/steps/offering?edit=true", By.id("offering-form"));
		browser.find(By.id("name")).clear();
		browser.type(By.id("components0.type"), "node hours!");
		browser.clickAndWait(By.id("save-step"), By.id("error-summary"));
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until((d) -> "error-summary"
			.equals(browser.driver().executeScript("return document.activeElement && document.activeElement.id;")));
		assertThat(browser.text(By.cssSelector("#error-summary h2"))).isEqualTo("There is a problem");
		WebElement name = browser.find(By.id("name"));
		assertThat(name.getDomAttribute("aria-invalid")).isEqualTo("true");
		String describedBy = name.getDomAttribute("aria-describedby");
		assertThat(describedBy).isNotNull();
		assertThat(List.of(describedBy.split(" ")))
			.anySatisfy((id) -> assertThat(browser.text(By.id(id))).contains("Enter the name of the offering."));
		// Every field marked invalid says so and points at its message.
		List<WebElement> invalid = browser.findAll(By.cssSelector(".is-invalid"));
		assertThat(invalid).hasSizeGreaterThanOrEqualTo(2);
		for (WebElement field : invalid) {
			assertThat(field.getDomAttribute("aria-invalid")).as("aria-invalid of #" + field.getDomAttribute("id"))
				.isEqualTo("true");
			String ids = field.getDomAttribute("aria-describedby");
			assertThat(ids).as("aria-describedby of #" + field.getDomAttribute("id")).isNotBlank();
			assertThat(List.of(ids.split(" ")).stream().map((id) -> browser.text(By.id(id))))
				.anySatisfy((text) -> assertThat(text).isNotBlank());
		}
		// The summary lists the errors in the order of the fields on the page, and its
		// links
		// lead to fields that exist.
		List<String> targets = browser.findAll(By.cssSelector("#error-summary a"))
			.stream()
			.map((a) -> a.getDomAttribute("href").substring(1))
			.toList();
		assertThat(targets).isNotEmpty();
		List<Long> positions = new ArrayList<>();
		for (String id : targets) {
			assertThat(browser.findAll(By.id(id))).as("field #" + id).hasSize(1);
			positions.add(number("var all = Array.from(document.querySelectorAll('input,select,textarea'));"
					+ " return all.indexOf(document.getElementById(arguments[0]));", id));
		}
		assertThat(positions).isSorted();
		assertThat(axe("offering-errors")).isEmpty();
		browser.screenshot("a11y-offering-errors-1280");
	}

	@Test
	void anUntickedAbandonIsExplainedNextToTheBoxWhichTakesTheFocus() {
		long id = driver().prepared("A11y Abandon " + java.util.UUID.randomUUID().toString().substring(0, 6),
				"a11y_abandon_agent", OnboardingDriver.OPERATOR);
		signIn("operator");
		browser.open("/onboarding/" + id + "/summary", By.id("abandon-form"));
		browser.type(By.id("abandon-reason"), "Trying it out");
		browser.clickAndWait(By.id("abandon-submit"), By.id("abandon-confirmed-error"));
		assertThat(browser.text(By.id("abandon-confirmed-error")))
			.isEqualTo("Tick the box to confirm that this onboarding is given up.");
		WebElement box = browser.find(By.id("abandon-confirmed"));
		assertThat(box.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(box.getDomAttribute("aria-describedby")).isEqualTo("abandon-confirmed-error");
		boolean focused = false;
		for (int i = 0; i < 20 && !focused; i++) {
			focused = "abandon-confirmed"
				.equals(browser.driver().executeScript("return document.activeElement && document.activeElement.id;"));
			if (!focused) {
				sleep();
			}
		}
		assertThat(browser.value(By.id("abandon-reason"))).isEqualTo("Trying it out");
		assertThat(browser.findAll(By.cssSelector(".container > .alert-danger"))).isEmpty();
		browser.screenshot("a11y-abandon-unticked-1280");
		browser.find(By.id("abandon-confirmed")).click();
		browser.clickAndWait(By.id("abandon-submit"), By.id("abandoned"));
		assertThat(focused).as("focus on the unticked box").isTrue();
	}

	@Test
	void aRefusedDownloadIsExplainedByItsBoxAndTheMessageGoesOnceTheDownloadIsSent() {
		String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
		long id = driver().prepared("A11y Download " + tag, "a11y_download_" + tag, OnboardingDriver.OPERATOR);
		driver().complete(id, OnboardingDriver.OPERATOR);
		signIn("operator");
		browser.open("/onboarding/" + id + "/agent", By.id("env-form"));
		browser.clickAndWait(By.id("download-env"), By.id("env-confirmed-error"));
		assertThat(browser.text(By.id("env-confirmed-error"))).contains("Nothing was downloaded");
		assertThat(browser.findAll(By.cssSelector(".container > .alert-danger"))).isEmpty();
		assertThat(browser.find(By.id("env-confirmed")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(axe("download-unticked")).isEmpty();
		browser.screenshot("a11y-download-unticked-1280");
		browser.click(By.id("env-confirmed"));
		browser.click(By.id("download-env"));
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
			.until((d) -> browser.findAll(By.id("env-confirmed-error")).isEmpty());
		assertThat(browser.pageSource()).doesNotContain("Nothing was downloaded");
	}

	@Test
	void timesAreShownInTheViewersTimeZoneWithTheZoneNamedAndUtcOnHover() {
		String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
		long id = driver().prepared("A11y Zone " + tag, "a11y_zone_" + tag, OnboardingDriver.OPERATOR);
		browser.driver()
			.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Europe/Tallinn"));
		try {
			signIn("operator");
			browser.open("/onboarding/" + id + "/summary", By.cssSelector("time[data-local]"));
			WebElement time = browser.find(By.cssSelector("time[data-local]"));
			assertThat(time.getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d (EET|GMT\\+2)");
			assertThat(time.getDomAttribute("title")).contains(" UTC (").endsWith("Z)");
			assertThat(time.getDomAttribute("datetime")).endsWith("Z");
		}
		finally {
			// An empty zone ends the override.
			browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", ""));
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void walk(java.util.function.Consumer<Page> check) {
		OnboardingDriver driver = driver();
		String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
		long completed = driver.prepared("A11y Complete " + tag, "a11y_complete_" + tag, OnboardingDriver.OPERATOR);
		driver.complete(completed, OnboardingDriver.OPERATOR);
		long prepared = driver.prepared("A11y Prepared " + tag, "a11y_prepared_" + tag, OnboardingDriver.OPERATOR);
		long fresh = this.onboarding.start(OnboardingDriver.OPERATOR).getId();
		long failed = driver.prepared("A11y Failed " + tag, "a11y_failed_" + tag, OnboardingDriver.OPERATOR);
		driver.run(failed, OnboardingStep.OFFERING, OnboardingDriver.OPERATOR);
		driver.run(failed, OnboardingStep.INTEGRATION, OnboardingDriver.OPERATOR);
		driver.run(failed, OnboardingStep.ACTIVATION, OnboardingDriver.OPERATOR);
		this.faults.failWith("POST", "users/", 500, 1);
		try {
			driver.run(failed, OnboardingStep.SERVICE_ACCOUNT, OnboardingDriver.OPERATOR);
		}
		finally {
			this.faults.clear();
		}
		long operatorAccount = this.jdbc.sql("select id from portal_account where username = 'operator'")
			.query(Long.class)
			.single();
		List<Page> pages = new ArrayList<>();
		pages.add(new Page("login", null, "/login", By.id("sign-in")));
		pages.add(new Page("operator-home", "operator", "/", By.id("home-operator")));
		pages.add(new Page("new-onboarding", "operator", "/onboarding/new", By.id("new-onboarding-form")));
		pages.add(new Page("glossary", "operator", "/glossary", By.id("glossary")));
		pages.add(
				new Page("step1-form", "operator", "/onboarding/" + fresh + "/steps/offering", By.id("offering-form")));
		pages.add(new Page("step2-form", "operator", "/onboarding/" + prepared + "/steps/integration?edit=true", STEP));
		pages.add(new Page("step4-form", "operator", "/onboarding/" + prepared + "/steps/service-account?edit=true",
				STEP));
		for (OnboardingStep step : OnboardingStep.wizard()) {
			pages.add(new Page("step-" + step.slug() + "-review", "operator",
					"/onboarding/" + prepared + "/steps/" + step.slug(), STEP));
		}
		pages.add(new Page("failed-step", "operator", "/onboarding/" + failed + "/steps/service-account", STEP));
		pages.add(new Page("summary", "operator", "/onboarding/" + completed + "/summary", By.id("attempts")));
		pages.add(new Page("agent-handover", "operator", "/onboarding/" + completed + "/agent", By.tagName("h1")));
		pages.add(new Page("support-home", "support", "/", By.id("home-support")));
		pages.add(new Page("desk-list", "support", "/onboarding", By.id("sessions")));
		pages.add(new Page("desk-attention", "support", "/onboarding?status=NEEDS_ATTENTION", By.id("sessions")));
		pages.add(new Page("desk-assigned-to-me", "support", "/onboarding?assignee=support", By.id("sessions")));
		pages.add(new Page("desk-bad-date", "support", "/onboarding?from=not-a-day", By.id("from-error")));
		pages.add(new Page("desk-session", "support", "/desk/sessions/" + failed, By.id("onboarding-status")));
		pages.add(new Page("auditor-home", "auditor", "/", By.id("home-auditor")));
		pages.add(new Page("audit-search", "auditor", "/audit", By.tagName("h1")));
		pages.add(new Page("audit-session", "auditor", "/audit/sessions/" + completed, By.tagName("h1")));
		pages.add(new Page("admin-home", "admin", "/", By.id("home-admin")));
		pages.add(new Page("admin-accounts", "admin", "/admin/accounts", By.id("accounts-table")));
		pages.add(new Page("admin-account", "admin", "/admin/accounts/" + operatorAccount, By.tagName("h1")));
		pages.add(new Page("admin-health", "admin", "/admin/health", By.id("health-checks")));
		pages.add(new Page("admin-sandbox", "admin", "/admin/sandbox", By.tagName("h1")));
		String signedIn = null;
		for (Page page : pages) {
			if (page.user() != null && !page.user().equals(signedIn)) {
				browser.driver().manage().deleteAllCookies();
				signIn(page.user());
				signedIn = page.user();
			}
			browser.open(page.path(), page.ready());
			check.accept(page);
		}
	}

	private boolean signOutReachable() {
		WebElement logout = browser.find(By.id("logout"));
		if (!logout.isDisplayed()) {
			List<WebElement> toggler = browser.findAll(By.cssSelector(".navbar-toggler"));
			if (toggler.isEmpty() || !toggler.get(0).isDisplayed()) {
				return false;
			}
			toggler.get(0).click();
			try {
				new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
					.until(ExpectedConditions.visibilityOf(logout));
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				return false;
			}
		}
		long right = number("var r = arguments[0].getBoundingClientRect(); return Math.ceil(r.right);", logout);
		boolean inside = right <= number("return window.innerWidth;");
		if (browser.findAll(By.cssSelector(".navbar-toggler")).stream().anyMatch(WebElement::isDisplayed)) {
			browser.find(By.cssSelector(".navbar-toggler")).click();
		}
		return inside;
	}

	/** The critical and serious WCAG 2.1 A/AA violations axe-core finds on the page. */
	@SuppressWarnings("unchecked")
	private List<String> axe(String name) {
		browser.driver().executeScript(AXE);
		Object result = browser.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
					+ " resultTypes: ['violations']})" + ".then(function (r) { done(r.violations.filter(function (v) {"
					+ "  return v.impact === 'critical' || v.impact === 'serious'; }).map(function (v) {"
					+ "  return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) {"
					+ "    return n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')' : '');"
					+ "  }).join('; '); })); })" + ".catch(function (e) { done(['axe failed: ' + e]); });");
		List<String> found = new ArrayList<>();
		for (Object violation : (List<Object>) result) {
			found.add(name + " (" + browser.driver().getCurrentUrl() + "): " + violation);
		}
		return found;
	}

	private long number(String script, Object... args) {
		return ((Number) browser.driver().executeScript(script, args)).longValue();
	}

	private OnboardingDriver driver() {
		return new OnboardingDriver(this.onboarding, this.sandbox, this.port);
	}

	private static void signIn(String username) {
		browser.open("/login", By.id("sign-in"));
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), "admin".equals(username) ? "test-admin-password" : "sandbox-demo");
		browser.clickAndWait(By.id("sign-in"), By.id("current-user"));
	}

	private static String readAxe() {
		try (InputStream in = AccessibilityBrowserTests.class.getResourceAsStream("/axe-core/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
