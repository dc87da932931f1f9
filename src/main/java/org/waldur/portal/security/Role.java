package org.waldur.portal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;

/**
 * What a portal account may do. An account may hold several roles.
 */
public enum Role {

	/** Service-provider staff: starts and runs own onboardings. */
	OPERATOR("Operator", "Starts and runs onboardings"),

	/** Support staff: sees and resumes anyone's onboarding. */
	SUPPORT("Support", "Sees and resumes any onboarding"),

	/** Auditor: reads onboarding history and audit records, changes nothing. */
	AUDITOR("Auditor", "Reads history and audit records"),

	/** Administrator: manages portal accounts and the sandbox. */
	ADMIN("Administrator", "Manages portal accounts");

	private final String label;

	private final String description;

	Role(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return this.label;
	}

	public String description() {
		return this.description;
	}

	/** The roles among the given Spring Security authorities. */
	public static Set<Role> fromAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authorities) {
			for (Role role : values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
