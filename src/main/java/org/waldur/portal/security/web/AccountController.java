package org.waldur.portal.security.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.security.AccountRejectedException;
import org.waldur.portal.security.ApiTokens;
import org.waldur.portal.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in account's own page: its roles and its personal API tokens, created (shown
 * once, on the answer to the POST) and revoked here.
 */
@Controller
@RequestMapping("/account")
class AccountController {

	private final ApiTokens tokens;

	private final Clock clock;

	AccountController(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping
	String page(Authentication user, Model model) {
		return fill(model, user, new TokenForm());
	}

	@PostMapping("/tokens")
	String create(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result, Authentication user,
			Model model, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				ApiTokens.Issued issued = this.tokens.create(user.getName(), String.valueOf(form.getName()),
						Duration.ofDays(java.util.Objects.requireNonNull(form.getLifetimeDays())));
				// Shown on this answer only: it is stored as a digest and cannot be shown
				// again.
				response.setHeader("Cache-Control", "no-store");
				model.addAttribute("issued", issued);
				return fill(model, user, new TokenForm());
			}
			catch (AccountRejectedException ex) {
				result.rejectValue(ex.field(), "rejected", ex.getMessage());
			}
		}
		return fill(model, user, form);
	}

	@PostMapping("/tokens/{id}/revoke")
	@BackOnRefusal("/account")
	String revoke(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		this.tokens.revoke(user.getName(), id);
		redirect.addFlashAttribute("flashSuccess", "Token revoked: calls with it are refused from now on.");
		return "redirect:/account";
	}

	private String fill(Model model, Authentication user, TokenForm form) {
		model.addAttribute("section", "account");
		model.addAttribute("username", user.getName());
		model.addAttribute("roles", Role.fromAuthorities(user.getAuthorities()));
		model.addAttribute("tokens", this.tokens.of(user.getName()));
		model.addAttribute("now", this.clock.instant());
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", form);
		}
		return "account/tokens";
	}

	/** A new token: what it is for and how long it lasts. */
	public static class TokenForm {

		@NotBlank(message = "Give the token a name, for example \"CI\".")
		@Size(max = 100, message = "Use at most 100 characters.")
		private @Nullable String name;

		@NotNull(message = "Enter a lifetime in days, from 1 to 366.")
		@Min(value = 1, message = "Enter a lifetime in days, from 1 to 366.")
		@Max(value = 366, message = "Enter a lifetime in days, from 1 to 366.")
		private @Nullable Integer lifetimeDays = 90;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable Integer getLifetimeDays() {
			return this.lifetimeDays;
		}

		public void setLifetimeDays(@Nullable Integer lifetimeDays) {
			this.lifetimeDays = lifetimeDays;
		}

	}

}
