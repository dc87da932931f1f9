package org.waldur.portal.onboarding;

import java.util.Set;

import org.waldur.portal.security.Role;

import org.springframework.security.core.Authentication;

/**
 * Who is looking at or changing an onboarding, with their roles.
 *
 * @param username portal account name
 * @param roles the account's roles
 */
public record Viewer(String username, Set<Role> roles) {

	public Viewer {
		roles = Set.copyOf(roles);
	}

	/** The viewer behind a signed-in request. */
	public static Viewer of(Authentication authentication) {
		return new Viewer(authentication.getName(), Role.fromAuthorities(authentication.getAuthorities()));
	}

	/** Support and auditors see every onboarding; operators only their own. */
	public boolean seesAll() {
		return this.roles.contains(Role.SUPPORT) || this.roles.contains(Role.AUDITOR);
	}

	/** Whether this viewer may run steps and change {@code session}. */
	public boolean mayChange(OnboardingSession session) {
		return this.roles.contains(Role.SUPPORT)
				|| (this.roles.contains(Role.OPERATOR) && session.isVisibleTo(this.username, false));
	}

	/**
	 * Whether this viewer may choose which of several same-named offerings in Waldur an
	 * onboarding keeps: support staff only.
	 */
	public boolean mayChooseOffering() {
		return this.roles.contains(Role.SUPPORT);
	}

	/** Whether this viewer may start new onboardings. */
	public boolean mayStart() {
		return this.roles.contains(Role.OPERATOR) || this.roles.contains(Role.SUPPORT);
	}

}
