package org.waldur.portal.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waldur.portal.drills.PortalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real server: anonymous pages create no session (the sign-in form's CSRF
 * token is in a cookie), the session cookie set at sign-in is HttpOnly and SameSite,
 * security headers are on every response, and redirects never carry the request's
 * {@code Host} header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

	static final int ANONYMOUS_REQUESTS = 300;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anonymousPagesLeaveNoSessionAndSignInStillWorks() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long before = sessions();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < ANONYMOUS_REQUESTS; i++) {
			String path = (i % 10 == 0) ? "/onboarding" : "/login";
			statuses.add(client
				.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode());
		}
		PortalHttp wrong = new PortalHttp(base());
		wrong.login("operator", "not-the-password");
		assertThat(statuses).containsOnly(200, 302);
		assertThat(sessions() - before).isZero();
		assertThat(wrong.cookie("JSESSIONID")).isNull();

		PortalHttp browser = new PortalHttp(base());
		HttpResponse<String> page = browser.get("/login");
		assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("HttpOnly").contains("SameSite=Lax"));
		HttpResponse<String> signIn = browser.post("/login",
				Map.of("username", "operator", "password", "sandbox-demo"));
		assertThat(signIn.headers().firstValue("Location")).hasValue("/");
		assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(sessions() - before).isEqualTo(1);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void signInWithoutTheFormsTokenIsRefused() throws Exception {
		PortalHttp browser = new PortalHttp(base());
		HttpResponse<String> refused = browser.post("/login",
				Map.of("username", "operator", "password", "sandbox-demo", "_csrf", "forged"));
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void theDeepLinkAskedForIsOpenedAfterSignIn() throws Exception {
		PortalHttp browser = new PortalHttp(base());
		assertThat(browser.get("/onboarding?q=x").headers().firstValue("Location")).hasValue("/login");
		browser.get("/login");
		HttpResponse<String> signIn = browser.post("/login",
				Map.of("username", "operator", "password", "sandbox-demo"));
		assertThat(signIn.headers().firstValue("Location")).hasValue("/onboarding?q=x");
	}

	@Test
	void redirectsDoNotCarryTheHostHeader() throws Exception {
		for (String path : List.of("/", "/onboarding", "/admin/accounts")) {
			String head = rawGet(path, "evil.example");
			assertThat(head).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
			assertThat(head).containsIgnoringCase("Location: /login");
		}
	}

	@Test
	void forwardedHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.99")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(page.headers().allValues("Set-Cookie"))
			.noneSatisfy((cookie) -> assertThat(cookie).contains("Secure"));
		PortalHttp browser = new PortalHttp(base());
		browser.login("auditor", "sandbox-demo");
		assertThat(this.jdbc.queryForObject("select client_ip from audit_entry where action = 'SIGN_IN' "
				+ "and target_id = 'auditor' order by id desc limit 1", String.class))
			.isEqualTo("127.0.0.1");
	}

	@Test
	void staticAssetsAlsoCarryTheHeaders() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/assets/css/portal.css")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
	}

	private long sessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	/** The status line and headers of a GET sent with the given {@code Host} header. */
	private String rawGet(String path, String host) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			StringBuilder head = new StringBuilder();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				head.append(line).append('\n');
			}
			return head.toString();
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
