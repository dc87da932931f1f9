package org.waldur.portal.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser without a browser: a cookie jar that walks the OpenID Connect
 * sign-in between the portal (at {@code 127.0.0.1}) and a provider over real HTTP,
 * following redirects itself and filling in the provider's sign-in form, and then calls
 * the portal as that person.
 */
final class ProviderFlow {

	private static final Pattern FORM = Pattern.compile("<form[^>]*?action=\"([^\"]*)\"[^>]*>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final URI portal;

	private final HttpClient client;

	/** The address the portal sent the browser to first, with the PKCE challenge. */
	private URI authorizationRequest;

	private int providerForms;

	private String csrf = "";

	ProviderFlow(int portalPort) {
		this.portal = URI.create("http://127.0.0.1:" + portalPort + "/");
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Starts at "Sign in with", signs in at the provider when it asks, and returns where
	 * the portal sends the browser at the end (a path and query, such as {@code /} or
	 * {@code /login/refused?reason=no-role}).
	 */
	String signIn(String username, String password) throws IOException, InterruptedException {
		return follow(this.portal.resolve("/oauth2/authorization/oidc"), username, password);
	}

	/** Signs out of the portal and follows the redirects; returns where it ends. */
	String signOut() throws IOException, InterruptedException {
		get("/");
		HttpResponse<String> response = send(post(this.portal.resolve("/logout"), Map.of("_csrf", this.csrf)));
		return follow(location(this.portal.resolve("/logout"), response), null, null);
	}

	private String follow(URI start, String username, String password) throws IOException, InterruptedException {
		URI next = start;
		for (int hop = 0; hop < 12; hop++) {
			if (isPortal(next) && !next.getPath().startsWith("/oauth2/")
					&& !next.getPath().startsWith("/login/oauth2/")) {
				return next.getRawPath() + ((next.getRawQuery() != null) ? "?" + next.getRawQuery() : "");
			}
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build());
			if (this.authorizationRequest == null && isPortal(next) && response.statusCode() == 302) {
				this.authorizationRequest = location(next, response);
			}
			if (response.statusCode() / 100 == 3) {
				next = location(next, response);
			}
			else if (response.statusCode() == 200 && response.body().contains("name=\"password\"")
					&& username != null) {
				this.providerForms++;
				next = submitSignInForm(next, response.body(), username, password);
			}
			else {
				throw new AssertionError(
						"Unexpected " + response.statusCode() + " at " + next + ": " + response.body());
			}
		}
		throw new AssertionError("Too many redirects from " + start);
	}

	private URI submitSignInForm(URI page, String body, String username, String password)
			throws IOException, InterruptedException {
		Matcher form = FORM.matcher(body);
		while (form.find()) {
			if (form.group(2).contains("name=\"password\"")) {
				Map<String, String> fields = new LinkedHashMap<>();
				Matcher input = INPUT.matcher(form.group(2));
				while (input.find()) {
					Map<String, String> attributes = new LinkedHashMap<>();
					Matcher attribute = ATTRIBUTE.matcher(input.group(1));
					while (attribute.find()) {
						attributes.put(attribute.group(1).toLowerCase(java.util.Locale.ROOT),
								unescape(attribute.group(2)));
					}
					if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
						fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
					}
				}
				fields.put("username", username);
				fields.put("password", password);
				URI action = page.resolve(unescape(form.group(1)));
				HttpResponse<String> response = send(post(action, fields));
				if (response.statusCode() / 100 != 3) {
					throw new AssertionError("The provider's sign-in answered " + response.statusCode());
				}
				return location(action, response);
			}
		}
		throw new AssertionError("No sign-in form at " + page);
	}

	/** GET of a portal path as this person, remembering the page's CSRF token. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(this.portal.resolve(path)).header("Accept", "text/html").GET().build());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	/** POST of a form to a portal path with the last CSRF token seen. */
	HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", this.csrf);
		return send(post(this.portal.resolve(path), all));
	}

	URI authorizationRequest() {
		return this.authorizationRequest;
	}

	/** How many times the provider asked for a password. */
	int providerForms() {
		return this.providerForms;
	}

	private boolean isPortal(URI uri) {
		return uri.getPort() == this.portal.getPort() && "127.0.0.1".equals(uri.getHost());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest post(URI uri, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static URI location(URI base, HttpResponse<?> response) {
		return base.resolve(response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No Location from " + base + " (" + response.statusCode() + ")")));
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
	}

}
