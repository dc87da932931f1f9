package org.waldur.portal.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.waldur.portal.crypto.SecretUnreadableException;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A stored token that the current secret key cannot decrypt is shown as such, with the
 * ways out (restore the key, or fetch the token again), on the summary, the reveal, the
 * downloads and the checks alike, instead of a server error.
 */
@ControllerAdvice
class UnreadableSecretAdvice {

	private static final Pattern ONBOARDING = Pattern.compile("^/onboarding/(\\d+)(/|$)");

	@ExceptionHandler(SecretUnreadableException.class)
	String unreadable(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		response.setHeader("Cache-Control", "no-store");
		Matcher matcher = ONBOARDING.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		model.addAttribute("onboardingId", matcher.find() ? matcher.group(1) : null);
		model.addAttribute("section", "onboarding");
		return "error/secret-unreadable";
	}

}
