package org.waldur.portal.web;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
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
		String me = authentication.getName();
		if (roles.contains(Role.OPERATOR)) {
			List<OnboardingSession> mine = this.onboarding.recentOf(me);
			model.addAttribute("mySessions",
					mine.stream().filter((s) -> s.getStatus() != OnboardingStatus.DRAFT).toList());
			model.addAttribute("drafts", mine.stream().filter((s) -> s.getStatus() == OnboardingStatus.DRAFT).toList());
			// Finished by someone else (support): the starter is told, and offered the
			// token.
			model.addAttribute("finishedForMe",
					mine.stream()
						.filter((s) -> me.equals(s.getCreatedBy()))
						.map((s) -> new FinishedForYou(s, this.onboarding.completedBy(s)))
						.filter((f) -> f.by() != null && !me.equals(f.by()))
						.toList());
		}
		if (roles.contains(Role.SUPPORT)) {
			model.addAttribute("attentionSessions", this.onboarding.needingAttention());
		}
		model.addAttribute("section", "home");
		model.addAttribute("wizardSteps", OnboardingStep.wizard().size());
		model.addAttribute("showOperator", roles.contains(Role.OPERATOR));
		model.addAttribute("showSupport", roles.contains(Role.SUPPORT));
		model.addAttribute("showAuditor", roles.contains(Role.AUDITOR));
		model.addAttribute("showAdmin", roles.contains(Role.ADMIN));
		model.addAttribute("noRole", roles.isEmpty());
		return "home";
	}

	/**
	 * An onboarding someone else completed for its starter.
	 *
	 * @param session the onboarding
	 * @param by who ran its last step
	 */
	record FinishedForYou(OnboardingSession session, @Nullable String by) {
	}

}
