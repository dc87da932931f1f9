package org.waldur.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for page loads: at most {@link PageLoadSettings#maxConcurrent()} run
 * at once, at most {@link PageLoadSettings#maxWaiting()} more wait (up to
 * {@link PageLoadSettings#maxWait()}) for a place, and the rest are answered 503 "the
 * portal is busy" at once, before any session, database or Waldur work (and before the
 * request id, whose random number generator is shared by every request).
 *
 * <p>
 * Without it, a burst of page loads (or pages waiting for a slow Waldur) occupies every
 * web-server thread and every database connection, and a person who only wants to sign in
 * waits behind all of them. Sign-in, the home page, static files, health probes, the
 * error page and the sandbox's API (which pages themselves call in sandbox mode) are
 * never counted, so they keep answering within their own time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageLoadLimit extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(PageLoadLimit.class);

	/** Paths that are never counted (exact, or a prefix when ending in "/"). */
	private static final List<String> UNCOUNTED = List.of("/", "/login", "/logout", "/error", "/favicon.ico",
			"/assets/", "/webjars/", "/actuator/", "/sandbox/api/", "/sandbox/api");

	static final String BUSY_MESSAGE = "The portal is busy";

	private static final byte[] BUSY_PAGE = ("""
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>The portal is busy - Waldur Onboarding Portal</title>
			<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
			</head><body><main>
			<h1>%s</h1>
			<p>Too many pages are being loaded at the same time. Your request was not carried out and nothing was changed.</p>
			<p>Go back and try again in a moment.</p>
			<p><a href="/">Home</a></p>
			</main></body></html>
			"""
		.formatted(BUSY_MESSAGE)).getBytes(StandardCharsets.UTF_8);

	private static final int RETRY_AFTER_SECONDS = 5;

	private final PageLoadSettings settings;

	private final Semaphore places;

	private final AtomicInteger waiting = new AtomicInteger();

	private final LongAdder refused = new LongAdder();

	PageLoadLimit(PageLoadSettings settings) {
		this.settings = settings;
		this.places = new Semaphore(settings.maxConcurrent(), true);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String uncounted : UNCOUNTED) {
			if (uncounted.endsWith("/") && uncounted.length() > 1 ? path.startsWith(uncounted)
					: path.equals(uncounted)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enter()) {
			refuse(response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.places.release();
		}
	}

	/** How many requests were answered "the portal is busy" since start-up. */
	long refused() {
		return this.refused.sum();
	}

	private boolean enter() {
		if (this.places.tryAcquire()) {
			return true;
		}
		if (this.waiting.incrementAndGet() > this.settings.maxWaiting()) {
			this.waiting.decrementAndGet();
			return false;
		}
		try {
			return this.places.tryAcquire(this.settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	private void refuse(HttpServletResponse response) throws IOException {
		this.refused.increment();
		if (logger.isDebugEnabled()) {
			logger.debug("Page load refused: {} running, {} waiting", this.settings.maxConcurrent(),
					this.waiting.get());
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy",
				"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		response.setContentLength(BUSY_PAGE.length);
		response.getOutputStream().write(BUSY_PAGE);
	}

}
