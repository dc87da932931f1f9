package org.waldur.portal.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} of every POST of the API: the key is stored with a digest
 * of the request (method, path, query, body) before the operation runs, so before
 * anything is sent to Waldur; the answer is stored with it. A repeat with the same key
 * and the same request gets the first answer again (status, {@code Location} and body,
 * with {@code Idempotent-Replayed: true}); with another request it gets 422; while the
 * first still runs, 409. An answer of 429 (nothing was done) releases the key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	/** The header clients send. */
	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

	private static final int MAX_BODY = 1_000_000;

	private final IdempotencyKeys keys;

	IdempotencyFilter(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !caller.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER);
		if (key == null || !KEY.matcher(key).matches()) {
			ApiProblems.write(response, HttpStatus.BAD_REQUEST, "idempotency-key-missing",
					"Send an Idempotency-Key header (1 to 255 visible ASCII characters, such as a UUID) with every "
							+ "POST, and the same key when you send the same request again.");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			ApiProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request body is too large.");
			return;
		}
		String principal = caller.getName();
		Optional<IdempotencyKeys.Stored> stored = this.keys.claim(principal, key, digest(request, body));
		if (stored.isPresent()) {
			answerRepeat(stored.get(), digest(request, body), response);
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(new BufferedRequest(request, body), answer);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			this.keys.release(principal, key);
			throw ex;
		}
		if (answer.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
			this.keys.release(principal, key);
		}
		else {
			this.keys.complete(principal, key, answer.getStatus(), answer.getContentType(),
					answer.getHeader(HttpHeaders.LOCATION),
					new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
		}
		answer.copyBodyToResponse();
	}

	private static void answerRepeat(IdempotencyKeys.Stored stored, String requestHash, HttpServletResponse response)
			throws IOException {
		if (!stored.requestHash().equals(requestHash)) {
			ApiProblems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"This Idempotency-Key was used for a different request (another path or body). Use a new key "
							+ "for a new request.");
			return;
		}
		if (!stored.completed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			ApiProblems.write(response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
					"The first request with this Idempotency-Key is still being processed; send it again in a "
							+ "moment to get its answer.");
			return;
		}
		response.setStatus(java.util.Objects.requireNonNull(stored.status()));
		response.setHeader(REPLAYED, "true");
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		String body = (stored.body() != null) ? stored.body() : "";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String digest(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String query = (request.getQueryString() != null) ? request.getQueryString() : "";
			for (String part : new String[] { request.getMethod(), request.getRequestURI(), query }) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The request with its body read once, for the digest, and replayed to the handler.
	 */
	private static final class BufferedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(@Nullable ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
