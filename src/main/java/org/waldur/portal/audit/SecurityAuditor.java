package org.waldur.portal.audit;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.security.AccountEvents;
import org.waldur.portal.security.ApiTokenEvents;
import org.waldur.portal.security.ProviderUser;
import org.waldur.portal.security.Role;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.waldur.portal.audit.AuditRecord.account;

/**
 * Records sign-ins (the username tried, never the password), sign-outs and every change
 * to portal accounts.
 */
@Component
class SecurityAuditor {

	private final AuditLog log;

	SecurityAuditor(AuditLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.log.record(account(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, username, username, "Signed in"));
	}

	@EventListener
	@Transactional
	public void on(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		boolean badCredentials = event instanceof AuthenticationFailureBadCredentialsEvent;
		String detail = badCredentials ? "Sign-in failed: wrong username or password"
				: (event instanceof AuthenticationFailureLockedEvent)
						? "Sign-in refused unchecked: paused after repeated failures"
						: "Sign-in refused: " + refusal(event.getException());
		this.log.record(account(AuditAction.SIGN_IN, badCredentials ? AuditOutcome.FAILURE : AuditOutcome.DENIED,
				username, username, detail));
	}

	@EventListener
	@Transactional
	public void on(LogoutSuccessEvent event) {
		String username = event.getAuthentication().getName();
		String detail = (event.getAuthentication().getPrincipal() instanceof ProviderUser user)
				? "Signed out of the portal; had signed in through the identity provider"
						+ identity(user.issuer(), user.subject())
				: "Signed out";
		this.log.record(account(AuditAction.SIGN_OUT, AuditOutcome.SUCCESS, username, username, detail));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.ProviderSignedIn event) {
		this.log.record(account(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, event.username(), event.username(),
				"Signed in through the identity provider with roles " + roles(event.roles())
						+ identity(event.issuer(), event.subject())));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.ProviderSignInRefused event) {
		this.log.record(account(AuditAction.SIGN_IN, AuditOutcome.DENIED, event.name(), event.name(),
				"Sign-in through the identity provider refused: " + event.reason()
						+ identity(event.issuer(), event.subject())));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.ExternalAccountCreated event) {
		this.log.record(account(AuditAction.ACCOUNT_CREATED, AuditOutcome.SUCCESS, event.username(), event.username(),
				"Account created at its first sign-in through the identity provider with roles " + roles(event.roles())
						+ identity(event.issuer(), event.subject())));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.RolesChangedByProvider event) {
		this.log.record(account(AuditAction.ROLES_CHANGED, AuditOutcome.SUCCESS, event.username(), event.username(),
				"Roles set to " + roles(event.roles()) + " from the identity provider's claims (were "
						+ roles(event.previous()) + ")" + identity(event.issuer(), event.subject())));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.AccountCreated event) {
		this.log.record(account(AuditAction.ACCOUNT_CREATED, AuditOutcome.SUCCESS, event.actor(), event.username(),
				"Account created with roles " + roles(event.roles())));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.RolesChanged event) {
		this.log.record(account(AuditAction.ROLES_CHANGED, AuditOutcome.SUCCESS, event.actor(), event.username(),
				"Roles set to " + roles(event.roles())));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.PasswordReset event) {
		this.log.record(account(AuditAction.PASSWORD_RESET, AuditOutcome.SUCCESS, event.actor(), event.username(),
				"Password reset by an administrator"));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.AccountEnabled event) {
		this.log.record(account(AuditAction.ACCOUNT_ENABLED, AuditOutcome.SUCCESS, event.actor(), event.username(),
				"Account enabled"));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.AccountDisabled event) {
		this.log.record(account(AuditAction.ACCOUNT_DISABLED, AuditOutcome.SUCCESS, event.actor(), event.username(),
				"Account disabled"));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.AccountUnlocked event) {
		this.log.record(account(AuditAction.ACCOUNT_UNLOCKED, AuditOutcome.SUCCESS, event.actor(), event.username(),
				"Account unlocked"));
	}

	@EventListener
	@Transactional
	public void on(AccountEvents.AccountLocked event) {
		this.log.record(account(AuditAction.ACCOUNT_LOCKED, AuditOutcome.DENIED, event.username(), event.username(),
				"Sign-in paused after " + event.failures() + " failed sign-ins, until " + event.lockedUntil()));
	}

	@EventListener
	@Transactional
	public void on(ApiTokenEvents.Created event) {
		this.log.record(account(AuditAction.API_TOKEN_CREATED, AuditOutcome.SUCCESS, event.username(), event.username(),
				"API token \"" + event.tokenName() + "\" created, valid until " + event.expiresAt()));
	}

	@EventListener
	@Transactional
	public void on(ApiTokenEvents.Revoked event) {
		this.log.record(account(AuditAction.API_TOKEN_REVOKED, AuditOutcome.SUCCESS, event.username(), event.username(),
				"API token \"" + event.tokenName() + "\" revoked"));
	}

	@EventListener
	@Transactional
	public void on(ApiTokenEvents.Refused event) {
		this.log.record(account(AuditAction.API_TOKEN_REFUSED, AuditOutcome.DENIED, event.username(), event.username(),
				"API token \"" + event.tokenName() + "\" refused: " + event.reason()));
	}

	@EventListener
	@Transactional
	public void on(ApiTokenEvents.Called event) {
		AuditOutcome outcome = (event.status() < 400) ? AuditOutcome.SUCCESS
				: (event.status() == 401 || event.status() == 403) ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
		this.log.record(new AuditRecord(AuditAction.API_CALL, outcome, event.username(), "api", event.path(), null,
				event.method() + " " + event.path() + " answered " + event.status()));
	}

	/**
	 * Why a sign-in was refused, in words; the exception's name stays in the log only.
	 */
	private static String refusal(org.springframework.security.core.AuthenticationException ex) {
		if (ex instanceof org.springframework.security.authentication.DisabledException) {
			return "the account is disabled";
		}
		if (ex instanceof org.springframework.security.authentication.AccountExpiredException
				|| ex instanceof org.springframework.security.authentication.CredentialsExpiredException) {
			return "the account or its password has expired";
		}
		if (ex instanceof org.springframework.security.authentication.LockedException) {
			return "the account is locked";
		}
		return "the portal could not check the sign-in";
	}

	private static String identity(String issuer, @Nullable String subject) {
		return (subject != null) ? "; subject " + subject + " at issuer " + issuer : "; issuer " + issuer;
	}

	private static String roles(java.util.Set<Role> roles) {
		return roles.isEmpty() ? "(none)" : roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
	}

}
