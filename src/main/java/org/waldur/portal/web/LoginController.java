package org.waldur.portal.web;

import java.util.List;

import org.waldur.portal.config.PortalProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. In sandbox mode it lists the demo accounts and their password.
 */
@Controller
class LoginController {

	private final PortalProperties properties;

	LoginController(PortalProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(Model model) {
		if (this.properties.sandboxMode()) {
			model.addAttribute("demoAccounts", List.of("operator", "support", "auditor"));
			model.addAttribute("demoPassword", this.properties.sandbox().demoPassword());
		}
		return "login";
	}

}
