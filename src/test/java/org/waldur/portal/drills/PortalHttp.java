package org.waldur.portal.drills;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: drives a running portal over HTTP with its own cookie jar,
 * taking the CSRF token from the last form it saw. Does not follow redirects.
 */
public final class PortalHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private volatile String csrf = "";

	public PortalHttp(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Another client that shares this one's session cookie, pointed at {@code base}. */
	public PortalHttp withSessionOf(PortalHttp other) {
		other.cookies.getCookieStore()
			.getCookies()
			.forEach((cookie) -> this.cookies.getCookieStore().add(URI.create(this.base), cookie));
		this.csrf = other.csrf;
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request(path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		remember(response.body());
		return response;
	}

	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		return this.client.send(postRequest(path, form), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts without waiting for the answer. */
	public CompletableFuture<HttpResponse<String>> postAsync(String path, Map<String, String> form) {
		return this.client.sendAsync(postRequest(path, form), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in; returns the answer of the sign-in form (a redirect). */
	public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	/** Sets a cookie as if the server (or someone else) had set it. */
	public void plantCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.base), cookie);
	}

	/** The value of a cookie of this client, or {@code null}. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** The {@code version} hidden field of a page. */
	public static long version(String page) {
		Matcher matcher = VERSION.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("No version field on the page");
		}
		return Long.parseLong(matcher.group(1));
	}

	public String base() {
		return this.base;
	}

	private HttpRequest postRequest(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.putIfAbsent("_csrf", this.csrf);
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60));
	}

	private void remember(String body) {
		Matcher matcher = CSRF.matcher(body);
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
