package org.waldur.portal.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After sign-in, goes back to the page that asked for it, by its path only: the saved URL
 * was built from the request's {@code Host} header, which must not choose where a user is
 * sent. Without a saved page, goes home.
 */
final class SavedPathSuccessHandler implements AuthenticationSuccessHandler {

	private final RequestCache requestCache;

	SavedPathSuccessHandler(RequestCache requestCache) {
		this.requestCache = requestCache;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		String path = (saved != null) ? pathOf(saved.getRedirectUrl()) : null;
		response.sendRedirect((path != null) ? path : request.getContextPath() + "/");
	}

	private static @Nullable String pathOf(String url) {
		try {
			URI uri = new URI(url);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
