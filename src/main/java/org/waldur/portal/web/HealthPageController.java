package org.waldur.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' health page: each health check (database, Waldur with its URL and
 * version, the sandbox when it is in use) as a readable table, not raw JSON.
 */
@Controller
class HealthPageController {

	private final Map<String, HealthContributor> contributors;

	HealthPageController(Map<String, HealthContributor> contributors) {
		this.contributors = contributors;
	}

	@GetMapping("/admin/health")
	String health(Model model) {
		List<Check> checks = this.contributors.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() instanceof HealthIndicator)
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> Check.of(entry.getKey(), ((HealthIndicator) entry.getValue()).health()))
			.toList();
		model.addAttribute("section", "health");
		model.addAttribute("checks", checks);
		model.addAttribute("allUp", checks.stream().allMatch(Check::up));
		return "admin/health";
	}

	/**
	 * One health check as the page shows it.
	 *
	 * @param name what is checked, in words
	 * @param status its status code ({@code UP}, {@code DOWN}, …)
	 * @param up whether it is up
	 * @param details what the check reports
	 */
	record Check(String name, String status, boolean up, Map<String, Object> details) {

		static Check of(String bean, Health health) {
			String status = health.getStatus().getCode();
			return new Check(name(bean), status, "UP".equals(status), health.getDetails());
		}

		static String name(String bean) {
			String name = bean.replaceAll("(HealthIndicator|HealthContributor)$", "");
			return switch (name.toLowerCase(Locale.ROOT)) {
				case "db" -> "Database";
				case "waldur" -> "Waldur";
				default -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
			};
		}

	}

}
