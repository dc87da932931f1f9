package org.waldur.portal.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.security.SignInSettings;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: "Sign in with" the OpenID Connect provider when one is configured,
 * the password form when local sign-in is on, and in sandbox mode the demo accounts and
 * their password. Also the page of a sign-in through the provider that was refused.
 */
@Controller
class LoginController {

	private final PortalProperties properties;

	private final SignInSettings signIn;

	LoginController(PortalProperties properties, SignInSettings signIn) {
		this.properties = properties;
		this.signIn = signIn;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("localSignIn", this.signIn.local());
		if (this.signIn.providerEnabled()) {
			model.addAttribute("providerName", this.signIn.oidc().providerName());
			model.addAttribute("providerSignIn", this.signIn.oidc().signInPath());
		}
		if (this.properties.sandboxMode() && this.signIn.local()) {
			model.addAttribute("demoAccounts", List.of("operator", "support", "auditor"));
			model.addAttribute("demoPassword", this.properties.sandbox().demoPassword());
		}
		return "login";
	}

	@GetMapping("/login/refused")
	String refused(@RequestParam(required = false) @Nullable String reason, Model model, HttpServletResponse response) {
		String known = (reason != null && List.of("no-role", "disabled", "unavailable").contains(reason)) ? reason
				: "failed";
		response.setStatus(
				"unavailable".equals(known) ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.FORBIDDEN.value());
		model.addAttribute("reason", known);
		model.addAttribute("providerName", this.signIn.oidc().providerName());
		model.addAttribute("providerSignIn", this.signIn.providerEnabled() ? this.signIn.oidc().signInPath() : null);
		model.addAttribute("localSignIn", this.signIn.local());
		return "login-refused";
	}

}
