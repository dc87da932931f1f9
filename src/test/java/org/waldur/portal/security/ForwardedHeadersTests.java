package org.waldur.portal.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted TLS proxy ({@code PORTAL_TRUSTED_PROXIES} matches 127.0.0.1 here): the
 * client address and HTTPS come from {@code X-Forwarded-*}, so cookies are Secure, HSTS
 * is sent and the audit log names the real client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1")
class ForwardedHeadersTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void behindATrustedTlsProxyCookiesAreSecureHstsIsSentAndTheClientIsAudited() throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> page = client.send(proxied("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
		String csrfCookie = cookie(page.headers().allValues("Set-Cookie"), "XSRF-TOKEN");
		assertThat(page.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		String form = "username=operator&password=sandbox-demo&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signIn = client.send(proxied("/login").header("Cookie", "XSRF-TOKEN=" + csrfCookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValue("/");
		assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
		assertThat(this.jdbc.queryForObject("select client_ip from audit_entry where action = 'SIGN_IN' "
				+ "and target_id = 'operator' order by id desc limit 1", String.class))
			.isEqualTo("203.0.113.7");
	}

	private HttpRequest.Builder proxied(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Proto", "https");
	}

	private static String cookie(List<String> setCookies, String name) {
		return setCookies.stream()
			.filter((c) -> c.startsWith(name + "="))
			.map((c) -> c.substring(name.length() + 1, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

}
