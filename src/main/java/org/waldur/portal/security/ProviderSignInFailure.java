package org.waldur.portal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a refused or failed sign-in through the provider to the page that says why, by a
 * plain word in the address: {@code no-role}, {@code disabled}, {@code unavailable} (the
 * provider could not be reached) or {@code failed}. No session is created for it.
 */
final class ProviderSignInFailure implements AuthenticationFailureHandler {

	/** The page of refused sign-ins. */
	static final String PAGE = "/login/refused";

	/**
	 * For the start of a sign-in, which fails only when the provider's configuration
	 * could not be read.
	 */
	static AuthenticationFailureHandler unavailable() {
		return (request, response, exception) -> response
			.sendRedirect(request.getContextPath() + PAGE + "?reason=unavailable");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(request.getContextPath() + PAGE + "?reason=" + reason(exception));
	}

	static String reason(AuthenticationException exception) {
		String code = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "";
		return switch (code) {
			case ExternalAccounts.Outcome.NO_ROLE -> "no-role";
			case ExternalAccounts.Outcome.DISABLED -> "disabled";
			case "client_registration_not_found" -> "unavailable";
			default -> "failed";
		};
	}

}
