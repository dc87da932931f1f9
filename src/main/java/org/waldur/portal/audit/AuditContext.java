package org.waldur.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.waldur.portal.security.ApiTokens;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting and from where, as far as the current thread knows: the web request being
 * served, or nothing for scheduled jobs.
 */
record AuditContext(String actor, @Nullable String requestId, @Nullable String clientIp, @Nullable String tokenName) {

	AuditContext(String actor, @Nullable String requestId, @Nullable String clientIp) {
		this(actor, requestId, clientIp, null);
	}

	/**
	 * The detail as recorded: in an API call it names the API token used (its name, never
	 * the token).
	 */
	String detail(String detail) {
		return (this.tokenName != null) ? detail + " [API token \"" + this.tokenName + "\"]" : detail;
	}

	static final String SYSTEM = "system";

	static AuditContext current(@Nullable String actor) {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		String requestId = (request != null && request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id)
				? id : MDC.get(RequestIdFilter.MDC_KEY);
		String clientIp = (request != null) ? request.getRemoteAddr() : null;
		return new AuditContext((actor != null && !actor.isBlank()) ? actor : signedInUser(), requestId, clientIp,
				ApiTokens.currentTokenName());
	}

	private static String signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : SYSTEM;
	}

}
