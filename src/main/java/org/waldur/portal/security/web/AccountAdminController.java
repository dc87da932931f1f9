package org.waldur.portal.security.web;

import java.security.Principal;
import java.time.Clock;

import jakarta.validation.Valid;
import org.waldur.portal.security.Account;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.AccountRejectedException;
import org.waldur.portal.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrator pages: list, create, disable, unlock, reset passwords and assign roles.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private static final String LIST = "admin/accounts";

	private static final String DETAIL = "admin/account";

	private final AccountManagement accounts;

	private final Clock clock;

	AccountAdminController(AccountManagement accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("section", "accounts");
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("now", this.clock.instant());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.list());
		model.addAttribute("form", NewAccountForm.empty());
		return LIST;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult result, Principal actor,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Account account = this.accounts.create(form.username(), form.password(), form.roles(), actor.getName());
				redirect.addFlashAttribute("flashSuccess", "Account '" + account.getUsername() + "' created.");
				return "redirect:/admin/accounts";
			}
			catch (AccountRejectedException ex) {
				result.rejectValue(ex.field(), "rejected", ex.getMessage());
			}
		}
		model.addAttribute("accounts", this.accounts.list());
		return LIST;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("account", this.accounts.get(id));
		model.addAttribute("passwordForm", new PasswordForm(null, null));
		return DETAIL;
	}

	@PostMapping("/{id}/roles")
	String roles(@PathVariable long id, RolesForm form, Principal actor, RedirectAttributes redirect) {
		return apply(id, redirect, "Roles updated.",
				() -> this.accounts.assignRoles(id, form.rolesOrNone(), actor.getName()));
	}

	@PostMapping("/{id}/password")
	String password(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Principal actor, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("account", this.accounts.get(id));
			return DETAIL;
		}
		return apply(id, redirect, "Password reset; the account is unlocked.",
				() -> this.accounts.resetPassword(id, form.password(), actor.getName()));
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable long id, @RequestParam boolean enabled, Principal actor, RedirectAttributes redirect) {
		return apply(id, redirect, enabled ? "Account enabled." : "Account disabled.",
				() -> this.accounts.setEnabled(id, enabled, actor.getName()));
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, Principal actor, RedirectAttributes redirect) {
		return apply(id, redirect, "Account unlocked.", () -> this.accounts.unlock(id, actor.getName()));
	}

	private String apply(long id, RedirectAttributes redirect, String success, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (AccountRejectedException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/accounts/" + id;
	}

}
