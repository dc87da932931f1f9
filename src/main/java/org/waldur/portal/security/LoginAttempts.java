package org.waldur.portal.security;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.PortalProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks an account after too many in a row. Log lines name the
 * account and the client address, never the password.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final Accounts accounts;

	private final PortalProperties.Login settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LoginAttempts(Accounts accounts, PortalProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.settings = properties.login();
		this.clock = clock;
		this.events = events;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		this.accounts.findByUsername(username).ifPresentOrElse(account -> {
			boolean locked = account.recordFailure(this.settings.maxFailures(), this.settings.lockDuration(),
					this.clock.instant());
			if (locked) {
				log.warn("Account '{}' locked for {} after {} failed sign-ins (last from {})", username,
						this.settings.lockDuration(), this.settings.maxFailures(), remoteAddress(event));
				this.events.publishEvent(new AccountEvents.AccountLocked(username, this.settings.maxFailures(),
						this.clock.instant().plus(this.settings.lockDuration())));
			}
			else {
				log.warn("Failed sign-in for account '{}' from {}", username, remoteAddress(event));
			}
		}, () -> log.warn("Failed sign-in for unknown account from {}", remoteAddress(event)));
	}

	@EventListener
	public void onOtherFailure(AbstractAuthenticationFailureEvent event) {
		if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
			log.warn("Refused sign-in for account '{}' from {}: {}", event.getAuthentication().getName(),
					remoteAddress(event), event.getException().getClass().getSimpleName());
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		this.accounts.findByUsername(event.getAuthentication().getName()).ifPresent(account -> {
			if (account.getFailedAttempts() > 0) {
				account.unlock(this.clock.instant());
			}
		});
	}

	private static String remoteAddress(AbstractAuthenticationFailureEvent event) {
		return (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown address";
	}

}
