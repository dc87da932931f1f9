package org.waldur.portal.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.waldur.portal.support.Browser;
import org.waldur.testprovider.TestProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: "Sign in with" the provider, its sign-in form, back in the portal with the
 * role the groups give; signing out goes through the provider's sign-out and back to the
 * portal's sign-in page; someone without a mapped role sees the refusal page. The pages
 * pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderSignInBrowserTests {

	static final TestProvider provider = TestProvider.shared();

	@RegisterExtension
	static final Browser browser = new Browser();

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("portal.sign-in.oidc.issuer-uri", provider::issuer);
		registry.add("portal.sign-in.oidc.client-id", () -> TestProvider.CLIENT_ID);
		registry.add("portal.sign-in.oidc.client-secret", () -> TestProvider.CLIENT_SECRET);
		registry.add("portal.sign-in.oidc.provider-name", () -> "Test IdP");
		registry.add("portal.sign-in.oidc.role-map", () -> TestProvider.ROLE_MAP);
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void signOutComesBackHere() {
		provider.allowSignOutTo(portal("/login?logout"));
	}

	@Test
	void signsInThroughTheProviderWithTheRoleOfTheGroupAndSignsOutThere() throws Exception {
		provider.groups("bob", "portal-support");
		openSignInPage();
		assertThat(browser.text(By.id("sign-in-with-provider"))).isEqualTo("Sign in with Test IdP");
		assertThat(axe()).isEmpty();
		browser.clickAndWait(By.id("sign-in-with-provider"), By.id("username"));
		assertThat(browser.driver().getCurrentUrl()).startsWith(provider.issuer() + "/login");
		browser.type(By.id("username"), "bob");
		browser.type(By.id("password"), TestProvider.PASSWORD);
		browser.clickAndWait(By.cssSelector("button[type=submit]"), By.id("current-user"));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal("/"));
		assertThat(browser.text(By.id("current-user"))).isEqualTo("bob");
		assertThat(browser.pageSource()).contains("Support");
		browser.screenshot("provider-sign-in-home");

		browser.clickAndWait(By.id("logout"), By.id("login-logout"));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal("/login?logout"));
		// The provider's session ended too: the next sign-in asks for the password again.
		browser.clickAndWait(By.id("sign-in-with-provider"), By.id("password"));
		assertThat(browser.driver().getCurrentUrl()).startsWith(provider.issuer() + "/login");
	}

	@Test
	void someoneWithoutAMappedGroupSeesWhy() throws Exception {
		provider.groups("carol", "staff");
		openSignInPage();
		browser.clickAndWait(By.id("sign-in-with-provider"), By.id("username"));
		browser.type(By.id("username"), "carol");
		browser.type(By.id("password"), TestProvider.PASSWORD);
		browser.clickAndWait(By.cssSelector("button[type=submit]"), By.id("refused-title"));
		assertThat(browser.text(By.id("refused-title"))).isEqualTo("You have no role in this portal");
		assertThat(browser.findAll(By.id("current-user"))).isEmpty();
		assertThat(axe()).isEmpty();
		browser.screenshot("provider-sign-in-refused");
	}

	private void openSignInPage() {
		browser.driver().get(portal("/login"));
		browser.awaitPage(By.id("sign-in-with-provider"));
	}

	/** The portal at 127.0.0.1: a loopback address the provider accepts on any port. */
	private String portal(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	@SuppressWarnings("unchecked")
	private List<String> axe() throws Exception {
		browser.driver()
			.executeScript(new String(new ClassPathResource("axe-core/axe.min.js").getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8));
		Object result = browser.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']})"
					+ ".then(function (r) { done(r.violations.filter(function (v) {"
					+ " return v.impact === 'critical' || v.impact === 'serious'; }).map(function (v) {"
					+ " return v.impact + ' ' + v.id + ': ' + v.help; })); })"
					+ ".catch(function (e) { done(['axe failed: ' + e]); });");
		return new ArrayList<>((List<String>) result);
	}

}
