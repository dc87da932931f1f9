package org.waldur.portal.waldur;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.resilience.InvocationRejectedException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends calls to Waldur over one {@link WebClient}, blocking for the answer: resolves the
 * endpoint and token per call, refuses a call at once when too many wait for Waldur,
 * retries failed GETs with Spring's {@link RetryTemplate}, records each exchange with
 * secrets masked and turns failures into the client's exceptions. Reads a page waits for
 * get the page-time time-out and retries.
 * <p>
 * Bodies cross the codecs as bytes, which Spring logs by size only: its string codecs
 * would log the content (tokens included) at debug and trace level.
 */
final class WaldurTransport {

	private static final Logger log = LoggerFactory.getLogger(WaldurTransport.class);

	private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	private final WebClient webClient;

	private final Supplier<WaldurEndpoint> endpoint;

	private final WaldurClientSettings settings;

	private final JsonMapper json;

	private final SecretMasking masking;

	private final WaldurFailures failures;

	private final WaldurCallLimit limit;

	WaldurTransport(WebClient.Builder builder, Supplier<WaldurEndpoint> endpoint, WaldurClientSettings settings,
			JsonMapper json) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.readTimeout())
			.disableRetry(true);
		this.webClient = builder.clientConnector(new ReactorClientHttpConnector(httpClient))
			.defaultHeader(HttpHeaders.USER_AGENT, settings.userAgent())
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
			.build();
		this.endpoint = endpoint;
		this.settings = settings;
		this.json = json;
		this.masking = new SecretMasking(json);
		this.failures = new WaldurFailures(json);
		this.limit = new WaldurCallLimit(settings.maxConcurrentCalls());
	}

	JsonMapper json() {
		return this.json;
	}

	WaldurFailures failures() {
		return this.failures;
	}

	/**
	 * Makes the call, retrying a GET that failed with a retryable error.
	 * @return the 2xx response
	 * @throws WaldurException for any other outcome
	 */
	WaldurResponse execute(WaldurCall call) {
		long started = System.nanoTime();
		int retries = retries(call);
		if (retries == 0) {
			return attempt(call, started);
		}
		RetryTemplate retry = new RetryTemplate(retryPolicy(retries));
		try {
			return retry.execute(new Retryable<WaldurResponse>() {

				@Override
				public WaldurResponse execute() {
					return attempt(call, started);
				}

				@Override
				public String getName() {
					return call.method() + " " + call.path();
				}

			});
		}
		catch (RetryException ex) {
			// the last failure as it is: one that is not retried, the last retry's, or
			// the one before a back-off that was interrupted
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Retries a call failing with {@link WaldurUnavailableException} (an outcome unknown
	 * included) {@code retries} times, pausing
	 * {@link WaldurClientSettings#retryBackoff()} before the first retry and twice as
	 * long before each further one.
	 */
	private RetryPolicy retryPolicy(int retries) {
		return RetryPolicy.builder()
			.maxRetries(retries)
			.delay(this.settings.retryBackoff())
			.multiplier(2)
			.includes(WaldurUnavailableException.class)
			.build();
	}

	/**
	 * The call as it would be sent, secrets masked; nothing is sent. Only the kind of
	 * token is needed: the staff token is masked if it appears in the body.
	 */
	WaldurRequestPreview preview(WaldurRequest<?> request) {
		WaldurEndpoint endpoint = this.endpoint.get();
		URI uri = uri(endpoint.apiRoot(), request.path(), Map.of());
		List<String> secrets = (request.credentialKind() == WaldurCredential.Kind.STAFF)
				? List.of(endpoint.staffToken()) : List.of();
		String masked = (request.body() != null)
				? this.masking.mask(this.json.writeValueAsString(request.body()), secrets) : null;
		String body = (masked != null)
				? this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.json.readTree(masked)) : null;
		return new WaldurRequestPreview(request.method(), uri.toString(), body, request.credentialKind());
	}

	private WaldurResponse attempt(WaldurCall call, long started) {
		WaldurEndpoint endpoint = this.endpoint.get();
		URI uri = uri(endpoint.apiRoot(), call);
		String token = call.credential().token(endpoint);
		String requestBody = (call.body() != null) ? this.json.writeValueAsString(call.body()) : null;
		RawResponse response;
		try {
			response = this.limit.call(() -> send(call, uri, token, requestBody));
		}
		catch (InvocationRejectedException ex) {
			log.info("Refused Waldur {} {}: {} calls already wait for Waldur", call.method(), call.path(),
					this.settings.maxConcurrentCalls());
			throw this.failures.busy(call, record(call, uri, requestBody, null, null, token, started),
					this.settings.maxConcurrentCalls(), ex);
		}
		catch (RuntimeException ex) {
			WaldurExchange exchange = record(call, uri, requestBody, null, null, token, started);
			throw this.failures.forTransport(call, exchange, ex, timeout(call));
		}
		WaldurExchange exchange = record(call, uri, requestBody, response.status(), response.body(), token, started);
		if (response.status() < 200 || response.status() > 299) {
			throw this.failures.forStatus(call, response.status(), response.body(), exchange, token);
		}
		return new WaldurResponse(response.status(), response.headers(), response.body(), exchange);
	}

	private RawResponse send(WaldurCall call, URI uri, String token, @Nullable String body) {
		WebClient.RequestBodySpec request = this.webClient.method(call.method())
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Token " + token)
			.accept(MediaType.APPLICATION_JSON)
			.httpRequest((httpRequest) -> limitResponseTime(httpRequest, timeout(call)));
		WebClient.RequestHeadersSpec<?> ready = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8))
				: request;
		Mono<RawResponse> response = ready.exchangeToMono((answer) -> answer.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map((bytes) -> new RawResponse(answer.statusCode().value(), answer.headers().asHttpHeaders(),
					new String(bytes, charset(answer.headers().contentType())))));
		Duration deadline = deadline(call);
		if (deadline != null) {
			response = response.timeout(deadline);
		}
		return Objects.requireNonNull(response.block(), "no response");
	}

	private static Charset charset(Optional<MediaType> contentType) {
		return contentType.map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
	}

	private static void limitResponseTime(ClientHttpRequest request, Duration timeout) {
		Object nativeRequest = request.getNativeRequest();
		if (nativeRequest instanceof HttpClientRequest reactorRequest) {
			reactorRequest.responseTimeout(timeout);
		}
	}

	private Duration timeout(WaldurCall call) {
		Duration deadline = deadline(call);
		return (deadline != null) ? deadline : this.settings.readTimeout();
	}

	/** The deadline of the whole call, connecting included, if it has one. */
	private @Nullable Duration deadline(WaldurCall call) {
		if (call.timeout() != null) {
			return call.timeout();
		}
		return call.pageTime() ? this.settings.pageReadTimeout() : null;
	}

	private int retries(WaldurCall call) {
		if (call.changing()) {
			return 0;
		}
		if (call.retries() != null) {
			return call.retries();
		}
		return call.pageTime() ? this.settings.pageReadRetries() : this.settings.getRetries();
	}

	private static URI uri(URI apiRoot, WaldurCall call) {
		return uri(apiRoot, call.path(), call.query());
	}

	private static URI uri(URI apiRoot, String path, Map<String, String> query) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(apiRoot).path(path);
		Map<String, Object> values = new HashMap<>();
		int index = 0;
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			String variable = "q" + index++;
			builder.queryParam(parameter.getKey(), "{" + variable + "}");
			values.put(variable, parameter.getValue());
		}
		return builder.encode().buildAndExpand(values).toUri();
	}

	private WaldurExchange record(WaldurCall call, URI uri, @Nullable String requestBody, @Nullable Integer status,
			@Nullable String responseBody, String token, long started) {
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		List<String> secrets = List.of(token);
		WaldurExchange exchange = new WaldurExchange(call.method().name(), uri.toString(),
				this.masking.mask(requestBody, secrets), status, this.masking.mask(responseBody, secrets), millis,
				call.credential().kind());
		log.debug("Waldur {} {} -> {} in {} ms", call.method(), uri.getPath(),
				(status != null) ? status : "no response", millis);
		return exchange;
	}

	private record RawResponse(int status, HttpHeaders headers, String body) {

	}

	/**
	 * A 2xx response.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the raw body, empty when none
	 * @param exchange the call as recorded
	 */
	record WaldurResponse(int status, HttpHeaders headers, String body, WaldurExchange exchange) {

	}

}
