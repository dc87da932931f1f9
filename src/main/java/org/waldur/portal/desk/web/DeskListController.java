package org.waldur.portal.desk.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.waldur.portal.desk.DeskPage;
import org.waldur.portal.desk.DeskQuery;
import org.waldur.portal.desk.DeskSearch;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The onboarding list: server-side filters, paging, sorting and counts per status.
 * Support staff and auditors see every onboarding, operators their own.
 */
@Controller
class DeskListController {

	private final DeskSearch search;

	private final Clock clock;

	DeskListController(DeskSearch search, Clock clock) {
		this.search = search;
		this.clock = clock;
	}

	@GetMapping("/onboarding")
	String list(@ModelAttribute("form") DeskListForm form, Viewer viewer, Model model, HttpServletResponse response) {
		Map<String, String> dateErrors = form.dateErrors();
		if (!dateErrors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("dateErrors", dateErrors);
		DeskQuery query = form.toQuery();
		DeskPage page = this.search.search(query, viewer);
		model.addAttribute("section", "onboarding");
		model.addAttribute("heading", DeskLinks.heading(query, viewer.username(), viewer.seesAll()));
		model.addAttribute("assignedToMe", viewer.username().equals(query.filter().assignee()));
		model.addAttribute("assignedToMeHref", DeskLinks.assignedTo(query, viewer.username()));
		model.addAttribute("mayAssign", viewer.roles().contains(org.waldur.portal.security.Role.SUPPORT));
		model.addAttribute("sortStates", DeskLinks.sortStates(query));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("mayStart", viewer.mayStart());
		model.addAttribute("query", query);
		model.addAttribute("filter", query.filter());
		// The list of sessions needing attention ticks "Needs attention only", however it
		// was asked for (the box, or the status).
		model.addAttribute("attentionChecked",
				query.filter().attention() || query.filter().status() == OnboardingStatus.NEEDS_ATTENTION);
		model.addAttribute("page", page);
		model.addAttribute("pageLinks", DeskLinks.pages(query, page));
		model.addAttribute("sortLinks", DeskLinks.sorts(query));
		model.addAttribute("statusLinks", DeskLinks.statuses(query, page));
		model.addAttribute("statuses", List.of(OnboardingStatus.values()));
		model.addAttribute("steps", OnboardingStep.wizard());
		model.addAttribute("accounts", this.search.people(viewer));
		return "onboarding/list";
	}

}
