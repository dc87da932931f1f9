package org.waldur.portal.web;

import java.util.Set;

import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: one section per role the signed-in user holds.
 */
@Controller
class HomeController {

	private final Onboarding onboarding;

	HomeController(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Set<Role> roles = LayoutModelAdvice.roles(authentication);
		if (roles.contains(Role.OPERATOR)) {
			model.addAttribute("mySessions", this.onboarding.recentOf(authentication.getName()));
		}
		if (roles.contains(Role.SUPPORT)) {
			model.addAttribute("attentionSessions", this.onboarding.needingAttention());
		}
		model.addAttribute("section", "home");
		model.addAttribute("showOperator", roles.contains(Role.OPERATOR));
		model.addAttribute("showSupport", roles.contains(Role.SUPPORT));
		model.addAttribute("showAuditor", roles.contains(Role.AUDITOR));
		model.addAttribute("showAdmin", roles.contains(Role.ADMIN));
		model.addAttribute("noRole", roles.isEmpty());
		return "home";
	}

}
