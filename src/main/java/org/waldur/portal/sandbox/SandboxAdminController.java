package org.waldur.portal.sandbox;

import java.util.List;

import jakarta.validation.Valid;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' sandbox page: tokens, seeded objects, counts and fault controls.
 * Restricted to ADMIN by the portal's security chain.
 */
@Controller
@ConditionalOnSandboxMode
@RequestMapping("/admin/sandbox")
class SandboxAdminController {

	private final SandboxSeed seed;

	private final SandboxDirectory directory;

	private final SandboxUsers users;

	private final SandboxOfferings offerings;

	private final SandboxFaults faults;

	private final SandboxWaldurVersion version;

	SandboxAdminController(SandboxSeed seed, SandboxDirectory directory, SandboxUsers users, SandboxOfferings offerings,
			SandboxFaults faults, SandboxWaldurVersion version) {
		this.version = version;
		this.seed = seed;
		this.directory = directory;
		this.users = users;
		this.offerings = offerings;
		this.faults = faults;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("form", FaultForm.defaults());
		return show(model);
	}

	@PostMapping("/faults")
	String addFault(@Valid @ModelAttribute("form") FaultForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return show(model);
		}
		Fault fault = form.addTo(this.faults);
		redirect.addFlashAttribute("flashSuccess", "Fault #" + fault.id() + " added.");
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/waldur-version")
	String setVersion(@RequestParam String version, RedirectAttributes redirect) {
		try {
			this.version.set(version);
			redirect.addFlashAttribute("flashSuccess",
					"The sandbox now answers as Waldur " + this.version.current() + ".");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("flashError", "The version was not changed: " + ex.getMessage());
		}
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/faults/clear")
	String clearFaults(RedirectAttributes redirect) {
		this.faults.clear();
		redirect.addFlashAttribute("flashSuccess", "All faults cleared.");
		return "redirect:/admin/sandbox";
	}

	private String show(Model model) {
		String apiRoot = SandboxApiController.apiRoot();
		model.addAttribute("section", "sandbox");
		model.addAttribute("apiRoot", apiRoot);
		model.addAttribute("staffUsername", SandboxSeed.STAFF_USERNAME);
		model.addAttribute("ownerUsername", SandboxSeed.OWNER_USERNAME);
		model.addAttribute("staffToken", this.seed.staffToken());
		model.addAttribute("ownerToken", this.seed.ownerToken());
		model.addAttribute("customers",
				this.directory.customers()
					.stream()
					.map((c) -> new Entry(c.name(), c.uuid(), SandboxJson.customerUrl(apiRoot, c.uuid()),
							c.serviceProvider(), c.blocked()))
					.toList());
		model.addAttribute("categories", this.directory.categories()
			.stream()
			.map((c) -> new Entry(c.title(), c.uuid(), SandboxJson.categoryUrl(apiRoot, c.uuid()), false, false))
			.toList());
		model.addAttribute("waldurVersion", this.version.current());
		model.addAttribute("offeringCount", this.offerings.count());
		model.addAttribute("userCount", this.users.count());
		model.addAttribute("faults", this.faults.active());
		model.addAttribute("kinds", List.of(FaultKind.values()));
		return "sandbox/admin";
	}

	/**
	 * A seeded object for display.
	 *
	 * @param name name or title
	 * @param uuid Waldur UUID
	 * @param url hyperlink to use in request bodies
	 * @param serviceProvider whether an organisation is a registered service provider
	 * @param blocked whether an organisation is blocked
	 */
	record Entry(String name, String uuid, String url, boolean serviceProvider, boolean blocked) {
	}

}
