package org.waldur.portal.security.web;

import java.beans.PropertyEditorSupport;
import java.security.Principal;
import java.time.Clock;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.security.Account;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.AccountRejectedException;
import org.waldur.portal.security.PasswordPolicy;
import org.waldur.portal.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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

	/** An account's page, where a refused change is explained. */
	private static final String DETAIL_PAGE = "/admin/accounts/{id}";

	private final AccountManagement accounts;

	private final Clock clock;

	private final PasswordPolicy passwordPolicy;

	AccountAdminController(AccountManagement accounts, Clock clock, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.clock = clock;
		this.passwordPolicy = passwordPolicy;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("section", "accounts");
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("now", this.clock.instant());
	}

	/**
	 * Passwords are taken as typed: the portal-wide trimming of text fields does not
	 * apply to them.
	 */
	@InitBinder
	void keepPasswordsAsTyped(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, "password", new AsTyped());
		binder.registerCustomEditor(String.class, "confirmation", new AsTyped());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.list());
		model.addAttribute("paused", this.accounts.pausedAccounts());
		model.addAttribute("form", NewAccountForm.empty());
		return LIST;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult result, Principal actor,
			Model model, RedirectAttributes redirect) {
		checkPassword(form.password(), String.valueOf(form.username()), result);
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
		model.addAttribute("paused", this.accounts.pausedAccounts());
		return LIST;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Principal actor, Model model) {
		model.addAttribute("passwordForm", new PasswordForm(null, null));
		return detailPage(id, actor, model);
	}

	private String detailPage(long id, Principal actor, Model model) {
		Account account = this.accounts.get(id);
		model.addAttribute("account", account);
		// An administrator cannot disable their own account: the page does not offer it.
		model.addAttribute("self", account.getUsername().equals(actor.getName()));
		model.addAttribute("pausedUntil", this.accounts.pausedUntil(account).orElse(null));
		return DETAIL;
	}

	@PostMapping("/{id}/roles")
	@BackOnRefusal(DETAIL_PAGE)
	String roles(@PathVariable long id, RolesForm form, Principal actor, RedirectAttributes redirect) {
		return apply(id, redirect, "Roles updated.",
				() -> this.accounts.assignRoles(id, form.rolesOrNone(), actor.getName()));
	}

	@PostMapping("/{id}/password")
	String password(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Principal actor, Model model, RedirectAttributes redirect) {
		checkPassword(form.password(), this.accounts.get(id).getUsername(), result);
		if (!result.hasErrors()) {
			try {
				this.accounts.resetPassword(id, form.password(), actor.getName());
				redirect.addFlashAttribute("flashSuccess",
						"Password reset; the account is unlocked and its open sessions have ended.");
				return "redirect:/admin/accounts/" + id;
			}
			catch (AccountRejectedException ex) {
				result.rejectValue(ex.field(), "rejected", ex.getMessage());
			}
		}
		return detailPage(id, actor, model);
	}

	@PostMapping("/{id}/enabled")
	@BackOnRefusal(DETAIL_PAGE)
	String enabled(@PathVariable long id, @RequestParam boolean enabled,
			@RequestParam(defaultValue = "false") boolean confirmed, Principal actor, RedirectAttributes redirect) {
		if (!enabled && !confirmed && !this.accounts.get(id).getUsername().equals(actor.getName())) {
			// Shown next to the box, where the user is looking.
			redirect.addFlashAttribute("confirmFor", "disable-confirmed");
			redirect.addFlashAttribute("confirmError",
					"Tick the box to confirm that this account's user can no longer sign in.");
			return "redirect:/admin/accounts/" + id + "#access";
		}
		return apply(id, redirect, enabled ? "Account enabled." : "Account disabled.",
				() -> this.accounts.setEnabled(id, enabled, actor.getName()));
	}

	@PostMapping("/{id}/unlock")
	@BackOnRefusal(DETAIL_PAGE)
	String unlock(@PathVariable long id, Principal actor, RedirectAttributes redirect) {
		return apply(id, redirect, "Account unlocked.", () -> this.accounts.unlock(id, actor.getName()));
	}

	private void checkPassword(@Nullable String password, String username, BindingResult result) {
		if (password != null && !result.hasFieldErrors("password")) {
			this.passwordPolicy.problem(password, username)
				.ifPresent((problem) -> result.rejectValue("password", "weak", problem));
		}
	}

	private static String apply(long id, RedirectAttributes redirect, String success, Runnable change) {
		change.run();
		redirect.addFlashAttribute("flashSuccess", success);
		return "redirect:/admin/accounts/" + id;
	}

	/** Binds text as it came, an empty field as {@code null}. */
	private static final class AsTyped extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text.isEmpty() ? null : text);
		}

	}

}
