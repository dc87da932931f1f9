package org.waldur.portal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser stand-in: keeps the session cookie and sends the CSRF token of the
 * sign-in form.
 */
final class PortalClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	PortalClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	void signIn(String username, String password) throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(get("/login").body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in of " + username + " failed: " + response.statusCode());
		}
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts an empty form from {@code formPage} (with its CSRF token) to {@code path} and
	 * follows the redirect.
	 */
	HttpResponse<String> post(String formPage, String path) throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(get(formPage).body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + formPage);
		}
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElseThrow();
		return get(URI.create(this.base + path).resolve(location).getRawPath());
	}

	/** Reads a response as it arrives and counts its lines, keeping none of them. */
	long countLines(String path) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		long lines = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream body = response.body()) {
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		return lines;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
