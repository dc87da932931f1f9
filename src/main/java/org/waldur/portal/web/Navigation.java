package org.waldur.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.waldur.portal.security.Role;

/**
 * The header links a signed-in user sees, by role. Modules with pages add their entry
 * here.
 */
final class Navigation {

	private Navigation() {
	}

	static List<NavigationItem> forRoles(Set<Role> roles, boolean sandboxMode) {
		List<NavigationItem> items = new ArrayList<>();
		items.add(new NavigationItem("Home", "/", "home"));
		if (roles.contains(Role.OPERATOR) || roles.contains(Role.SUPPORT) || roles.contains(Role.AUDITOR)) {
			items.add(new NavigationItem("Onboardings", "/onboarding", "onboarding"));
		}
		if (roles.contains(Role.SUPPORT)) {
			items.add(new NavigationItem("Needs attention", "/onboarding?attention=true", "desk"));
		}
		if (roles.contains(Role.AUDITOR) || roles.contains(Role.ADMIN)) {
			items.add(new NavigationItem("Audit", "/audit", "audit"));
		}
		if (roles.contains(Role.ADMIN)) {
			items.add(new NavigationItem("Accounts", "/admin/accounts", "accounts"));
			if (sandboxMode) {
				items.add(new NavigationItem("Sandbox", "/admin/sandbox", "sandbox"));
			}
		}
		return items;
	}

}
