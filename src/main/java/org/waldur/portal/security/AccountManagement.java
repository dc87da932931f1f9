package org.waldur.portal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on portal accounts: what the admin page does.
 */
@Service
@Transactional
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PasswordPolicy passwordPolicy;

	private final SignInThrottle throttle;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events,
			PasswordPolicy passwordPolicy, SignInThrottle throttle) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.events = events;
		this.passwordPolicy = passwordPolicy;
		this.throttle = throttle;
	}

	@Transactional(readOnly = true)
	public List<Account> list() {
		return this.accounts.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	public Account get(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
	}

	/** Account names whose sign-in is paused after repeated failures. */
	@Transactional(readOnly = true)
	public Set<String> pausedAccounts() {
		return this.throttle.pausedAccounts();
	}

	/** Until when sign-in to the account is paused after repeated failures, or empty. */
	@Transactional(readOnly = true)
	public Optional<Instant> pausedUntil(Account account) {
		return Optional.ofNullable(this.throttle.pausedUntil(account.getUsername()));
	}

	/** Creates an account; the username must be new and the password meet the rules. */
	public Account create(String username, String password, Set<Role> roles, String actor) {
		if (this.accounts.existsByUsername(username)) {
			throw new AccountRejectedException("username", "An account named '" + username + "' already exists.");
		}
		checkPassword(password, username);
		Account account = this.accounts
			.save(new Account(username, this.passwordEncoder.encode(password), roles, false, this.clock.instant()));
		log.info("Account '{}' created by '{}' with roles {}", username, actor, roles);
		this.events.publishEvent(new AccountEvents.AccountCreated(username, Set.copyOf(roles), actor));
		return account;
	}

	public void assignRoles(long id, Set<Role> roles, String actor) {
		Account account = get(id);
		if (account.isExternal()) {
			throw new AccountRejectedException("roles", "The roles of '" + account.getUsername()
					+ "' come from the identity provider's groups at each sign-in: change the groups there.");
		}
		if (account.getUsername().equals(actor) && !roles.contains(Role.ADMIN)) {
			throw new AccountRejectedException("roles", "You cannot remove your own administrator role.");
		}
		account.assignRoles(roles, this.clock.instant());
		log.info("Roles of '{}' set to {} by '{}'", account.getUsername(), roles, actor);
		this.events.publishEvent(new AccountEvents.RolesChanged(account.getUsername(), Set.copyOf(roles), actor));
	}

	public void resetPassword(long id, String password, String actor) {
		Account account = get(id);
		if (account.isExternal()) {
			throw new AccountRejectedException("password", "'" + account.getUsername()
					+ "' signs in through the identity provider and has no portal password.");
		}
		checkPassword(password, account.getUsername());
		account.changePassword(this.passwordEncoder.encode(password), this.clock.instant());
		this.throttle.forget(account.getUsername());
		log.info("Password of '{}' reset by '{}'", account.getUsername(), actor);
		this.events.publishEvent(new AccountEvents.PasswordReset(account.getUsername(), actor));
	}

	public void setEnabled(long id, boolean enabled, String actor) {
		Account account = get(id);
		if (!enabled && account.getUsername().equals(actor)) {
			throw new AccountRejectedException("enabled", "You cannot disable your own account.");
		}
		if (enabled) {
			account.enable(this.clock.instant());
		}
		else {
			account.disable(this.clock.instant());
		}
		log.info("Account '{}' {} by '{}'", account.getUsername(), enabled ? "enabled" : "disabled", actor);
		this.events.publishEvent(enabled ? new AccountEvents.AccountEnabled(account.getUsername(), actor)
				: new AccountEvents.AccountDisabled(account.getUsername(), actor));
	}

	public void unlock(long id, String actor) {
		Account account = get(id);
		this.throttle.forget(account.getUsername());
		log.info("Account '{}' unlocked by '{}'", account.getUsername(), actor);
		this.events.publishEvent(new AccountEvents.AccountUnlocked(account.getUsername(), actor));
	}

	private void checkPassword(String password, String username) {
		this.passwordPolicy.problem(password, username).ifPresent((problem) -> {
			throw new AccountRejectedException("password", problem);
		});
	}

}
