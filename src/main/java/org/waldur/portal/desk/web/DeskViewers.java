package org.waldur.portal.desk.web;

import java.util.EnumSet;
import java.util.Set;

import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Builds the {@link Viewer} of a request from its authentication.
 */
final class DeskViewers {

	private DeskViewers() {
	}

	static Viewer of(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return new Viewer(authentication.getName(), roles);
	}

}
