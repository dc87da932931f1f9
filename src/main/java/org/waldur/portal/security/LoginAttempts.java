package org.waldur.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.PortalProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs refused sign-ins and tells when an account's sign-in is paused. Log lines name the
 * account (only when it exists) and the client address, never the password. The counting
 * itself is {@link SignInThrottle}'s.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final Accounts accounts;

	private final int maxFailures;

	private final ApplicationEventPublisher events;

	LoginAttempts(Accounts accounts, PortalProperties properties, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.maxFailures = properties.login().maxFailures();
		this.events = events;
	}

	@EventListener
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		boolean known = this.accounts.existsByUsername(username);
		String who = known ? "account '" + username + "'" : "unknown account";
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			log.warn("Failed sign-in for {} from {}", who, remoteAddress(event));
		}
		else {
			log.warn("Refused sign-in for {} from {}: {}", who, remoteAddress(event),
					event.getException().getClass().getSimpleName());
		}
	}

	@EventListener
	public void onPause(ThrottledSignIn.SignInPaused event) {
		if (this.accounts.existsByUsername(event.username())) {
			log.warn("Sign-in to account '{}' paused until {} after {} failed sign-ins", event.username(),
					event.until(), this.maxFailures);
			this.events
				.publishEvent(new AccountEvents.AccountLocked(event.username(), this.maxFailures, event.until()));
		}
	}

	private static String remoteAddress(AbstractAuthenticationFailureEvent event) {
		return (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown address";
	}

}
