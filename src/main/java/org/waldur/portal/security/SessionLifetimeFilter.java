package org.waldur.portal.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than the absolute lifetime
 * ({@code portal.login.session-lifetime}), however active it is: the request goes on as
 * anonymous, so a page asks to sign in again. Sessions are created at sign-in only, so
 * their age is the age of the sign-in.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration lifetime;

	SessionLifetimeFilter(Duration lifetime) {
		this.lifetime = lifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		// Session times come from the system clock (Spring Session), not the portal's
		// clock.
		if (session != null && System.currentTimeMillis() - session.getCreationTime() > this.lifetime.toMillis()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

}
