package org.waldur.portal.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.ConditionalOnSandboxMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The front door of the sandbox API at {@code /sandbox/api/}: resolves the path like
 * Django's URL router (404 first), authenticates the token (401), checks the method
 * (405), applies injected faults and writes the JSON answer.
 */
@Controller
@ConditionalOnSandboxMode
class SandboxApiController {

	/** Path of the API root below the portal's context path. */
	static final String PREFIX = "/sandbox/api/";

	private final List<ApiRoute> routes;

	private final SandboxAuthentication authentication;

	private final SandboxFaults faults;

	private final SandboxCallLog calls;

	/** How much longer than its delay a held call may stay open. */
	private static final Duration ASYNC_MARGIN = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(SandboxApiController.class);

	/** The timer held calls wait on; they are applied on its threads. */
	private final ScheduledExecutorService delays = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "sandbox-delay");
		thread.setDaemon(true);
		return thread;
	});

	SandboxApiController(SandboxRoutes routes, SandboxAuthentication authentication, SandboxFaults faults,
			SandboxCallLog calls) {
		this.routes = routes.all();
		this.authentication = authentication;
		this.faults = faults;
		this.calls = calls;
	}

	@RequestMapping({ "/sandbox/api", "/sandbox/api/**" })
	void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String method = request.getMethod();
		String path = apiPath(request);
		boolean known = this.authentication.recognises(request.getHeader(HttpHeaders.AUTHORIZATION));
		Optional<Fault> fault = this.faults.take(method, path);
		FaultKind kind = fault.map(Fault::kind).orElse(null);
		if (kind == FaultKind.FAIL) {
			this.calls.record(known, method, path, false, fault.get().status(), kind);
			FaultResponses.writeFailure(response, fault.get().status());
			return;
		}
		if (kind == FaultKind.DROP) {
			this.calls.record(known, method, path, false, 0, kind);
			FaultResponses.drop(response);
			return;
		}
		if (kind == FaultKind.DELAY) {
			holdThenAnswer(request, response, known, method, path, fault.get().delay());
			return;
		}
		Object answer = answer(request, method, path, body(request));
		if (kind == FaultKind.APPLY_THEN_FAIL) {
			this.calls.record(known, method, path, true, fault.get().status(), kind);
			FaultResponses.writeFailure(response, fault.get().status());
			return;
		}
		this.calls.record(known, method, path, true, statusOf(answer), kind);
		write(response, answer, "HEAD".equals(method));
	}

	private static int statusOf(Object answer) {
		if (answer instanceof ApiException error) {
			return error.status();
		}
		return (answer instanceof ApiResponse ok) ? ok.status() : 301;
	}

	/** Either an {@link ApiResponse}, an {@link ApiException} or a redirect URL. */
	/**
	 * Like Waldur, works on a delayed call first and applies it when done, whether or not
	 * the client is still waiting by then. The call waits on the sandbox's own timer, not
	 * on a web-server thread, so held calls cannot starve the portal's pages.
	 */
	private void holdThenAnswer(HttpServletRequest request, HttpServletResponse response, boolean known, String method,
			String path, Duration delay) throws IOException {
		String body = body(request);
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(delay.toMillis() + ASYNC_MARGIN.toMillis());
		this.calls.hold(path);
		this.delays.schedule(() -> {
			this.calls.release(path);
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
			try {
				Object answer;
				try {
					answer = answer(request, method, path, body);
				}
				catch (IOException | RuntimeException ex) {
					// not the client's going: the sandbox itself failed, as Waldur would
					// with a 500
					log.error("Delayed sandbox call {} {} failed", method, path, ex);
					answer = ApiException.detail(500, "Server Error (500)");
				}
				this.calls.record(known, method, path, !(answer instanceof ApiException error) || error.status() < 500,
						statusOf(answer), FaultKind.DELAY);
				write(response, answer, "HEAD".equals(method));
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Delayed sandbox call {} {} answered to a client that has gone: {}", method, path,
						ex.toString());
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
				async.complete();
			}
		}, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stopDelays() {
		this.delays.shutdownNow();
	}

	private Object answer(HttpServletRequest request, String method, String path, String body) throws IOException {
		Match match = resolve(path);
		if (match == null) {
			return (!path.endsWith("/") && resolve(path + "/") != null) ? redirectWithSlash(request)
					: ApiException.detail(404, "Not found.");
		}
		try {
			SandboxUser caller = this.authentication.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
			ApiRoute.Handler handler = match.route().handler(method);
			if (handler == null) {
				return new ApiException(405, SandboxJson.detail("Method \"" + method + "\" not allowed."),
						Map.of(HttpHeaders.ALLOW, String.join(", ", match.route().methods())));
			}
			return handler.handle(new ApiRequest(method, path, match.variables(), query(request), body,
					request.getContentType(), caller, apiRoot(), requestUrl(request)));
		}
		catch (ApiException ex) {
			return ex;
		}
	}

	private @Nullable Match resolve(String path) {
		for (ApiRoute route : this.routes) {
			Map<String, String> variables = route.match(path);
			if (variables != null) {
				return new Match(route, variables);
			}
		}
		return null;
	}

	/** The absolute API root of the current request, for hyperlinks. */
	static String apiRoot() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(PREFIX).build().toUriString();
	}

	static void writeJson(HttpServletResponse response, ApiException error) throws IOException {
		error.headers().forEach(response::setHeader);
		writeBody(response, error.status(), error.body(), false);
	}

	private static void write(HttpServletResponse response, Object answer, boolean head) throws IOException {
		if (answer instanceof String location) {
			response.setStatus(301);
			response.setHeader(HttpHeaders.LOCATION, location);
			response.setContentLength(0);
		}
		else if (answer instanceof ApiException error) {
			error.headers().forEach(response::setHeader);
			writeBody(response, error.status(), error.body(), head);
		}
		else if (answer instanceof ApiResponse ok) {
			ok.headers().forEach(response::setHeader);
			writeBody(response, ok.status(), ok.body(), head);
		}
	}

	private static void writeBody(HttpServletResponse response, int status, @Nullable JsonNode body, boolean head)
			throws IOException {
		byte[] bytes = (body != null) ? JsonMapper.shared().writeValueAsBytes(body) : new byte[0];
		response.setStatus(status);
		response.setHeader(HttpHeaders.VARY, "Accept");
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		if (!head) {
			response.getOutputStream().write(bytes);
		}
	}

	private static String apiPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
	}

	private static MultiValueMap<String, String> query(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(requestUrl(request))
			.build()
			.getQueryParams()
			.entrySet()
			.stream()
			.collect(LinkedMultiValueMap::new,
					(map, entry) -> entry.getValue()
						.forEach((value) -> map.add(decode(entry.getKey()), decode((value != null) ? value : ""))),
					LinkedMultiValueMap::addAll);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String body(HttpServletRequest request) throws IOException {
		return StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8);
	}

	private static String requestUrl(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
	}

	private static String redirectWithSlash(HttpServletRequest request) {
		String query = request.getQueryString();
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(request.getRequestURI().substring(request.getContextPath().length()) + "/")
			.build()
			.toUriString() + ((query != null) ? "?" + query : "");
	}

	private record Match(ApiRoute route, Map<String, String> variables) {
	}

}
