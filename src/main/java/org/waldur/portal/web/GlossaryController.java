package org.waldur.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The glossary: the Waldur terms the pages use second, after the plain words.
 */
@Controller
class GlossaryController {

	@GetMapping("/glossary")
	String glossary(Model model) {
		model.addAttribute("section", "glossary");
		return "glossary";
	}

}
