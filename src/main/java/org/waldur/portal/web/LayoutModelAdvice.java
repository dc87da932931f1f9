package org.waldur.portal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what the layout shows on every page (sandbox banner, user, navigation, version).
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final boolean sandboxMode;

	private final String version;

	private final @Nullable String commit;

	private final String waldurWait;

	LayoutModelAdvice(PortalProperties properties, ObjectProvider<BuildProperties> build,
			ObjectProvider<GitProperties> git) {
		this.sandboxMode = properties.sandboxMode();
		BuildProperties buildProperties = build.getIfAvailable();
		this.version = (buildProperties != null) ? buildProperties.getVersion() : "development";
		GitProperties gitProperties = git.getIfAvailable();
		this.commit = (gitProperties != null) ? gitProperties.getShortCommitId() : null;
		this.waldurWait = "Sent to Waldur, waiting for its answer. When Waldur is slow this takes a while: each call "
				+ "waits up to " + new PlainWords().duration(properties.waldur().readTimeout())
				+ ". There is no need to press again; the answer is kept even if you leave this page.";
	}

	@ModelAttribute("sandboxMode")
	boolean sandboxMode() {
		return this.sandboxMode;
	}

	@ModelAttribute("portalVersion")
	String portalVersion() {
		return this.version;
	}

	/** What a form that sends to Waldur says once it is sent (see {@code portal.js}). */
	@ModelAttribute("waldurWait")
	String waldurWait() {
		return this.waldurWait;
	}

	@ModelAttribute("portalCommit")
	@Nullable String portalCommit() {
		return this.commit;
	}

	/**
	 * The signed-in user's name, or {@code null} for anonymous visitors (who reach the
	 * handlers without a principal). A model attribute rather than the security dialect's
	 * {@code #authorization.expression(...)}, which parsed and evaluated an expression on
	 * every page.
	 */
	@ModelAttribute("currentUser")
	@Nullable String currentUser(@Nullable Authentication authentication) {
		return (authentication != null) ? authentication.getName() : null;
	}

	@ModelAttribute("currentRoles")
	List<String> currentRoles(@Nullable Authentication authentication) {
		return roles(authentication).stream().map(Role::label).toList();
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation(@Nullable Authentication authentication) {
		return (authentication == null) ? List.of() : Navigation.forRoles(roles(authentication), this.sandboxMode);
	}

	static Set<Role> roles(@Nullable Authentication authentication) {
		return (authentication != null) ? Role.fromAuthorities(authentication.getAuthorities())
				: EnumSet.noneOf(Role.class);
	}

}
