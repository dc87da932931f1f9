package org.waldur.portal.security;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.config.PrivateFiles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first {@code admin} account on an empty database and, in sandbox mode, the
 * demo accounts. Outside sandbox mode demo accounts are disabled; back in sandbox mode
 * they are enabled again, except those an administrator disabled. Both changes are
 * audited.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	static final String PASSWORD_FILE = "initial-admin-password";

	/** Actor of the changes made at start-up. */
	static final String SYSTEM = "system";

	/** Demo accounts of sandbox mode and their roles. */
	static final Map<String, Set<Role>> DEMO_ACCOUNTS = Map.of("operator", EnumSet.of(Role.OPERATOR), "support",
			EnumSet.of(Role.SUPPORT), "auditor", EnumSet.of(Role.AUDITOR));

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PortalProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountBootstrap(Accounts accounts, PasswordEncoder passwordEncoder, PortalProperties properties, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.count() == 0) {
			createAdmin();
		}
		if (this.properties.sandboxMode()) {
			// One hash of the (published) demo password for every new demo account: each
			// BCrypt hash costs tens of milliseconds of the start-up.
			DemoPassword demoPassword = new DemoPassword();
			DEMO_ACCOUNTS.forEach((username, roles) -> createDemoAccount(username, roles, demoPassword));
		}
		else {
			this.accounts.findByDemoTrueAndEnabledTrue().forEach(account -> {
				account.suspend(this.clock.instant());
				log.info("Demo account '{}' disabled: the portal is connected to a real Waldur", account.getUsername());
				this.events.publishEvent(new AccountEvents.AccountDisabled(account.getUsername(), SYSTEM));
			});
		}
	}

	private void createAdmin() {
		String password = this.properties.adminPassword();
		if (password == null) {
			password = generatePassword();
			Path file = this.properties.dataDir().resolve(PASSWORD_FILE);
			PrivateFiles.write(file, password);
			log.warn(
					"Created account 'admin' with a generated password, written once to {} (mode 600). "
							+ "Sign in, set a new password on the Accounts page, then delete the file.",
					file.toAbsolutePath());
		}
		else {
			log.info("Created account 'admin' with the password from PORTAL_ADMIN_PASSWORD");
		}
		this.accounts.save(new Account(ADMIN, this.passwordEncoder.encode(password), EnumSet.of(Role.ADMIN), false,
				this.clock.instant()));
		this.events.publishEvent(new AccountEvents.AccountCreated(ADMIN, Set.of(Role.ADMIN), SYSTEM));
	}

	private void createDemoAccount(String username, Set<Role> roles, DemoPassword demoPassword) {
		Account account = this.accounts.findByUsername(username).orElse(null);
		if (account == null) {
			this.accounts.save(new Account(username, demoPassword.hash(), roles, true, this.clock.instant()));
			log.info("Created sandbox demo account '{}'", username);
			this.events.publishEvent(new AccountEvents.AccountCreated(username, Set.copyOf(roles), SYSTEM));
		}
		else if (account.isDemo() && !account.isEnabled() && !account.isDisabledByAdmin()) {
			account.enable(this.clock.instant());
			log.info("Sandbox demo account '{}' enabled again", username);
			this.events.publishEvent(new AccountEvents.AccountEnabled(username, SYSTEM));
		}
	}

	/** The demo password, hashed when first needed. */
	private final class DemoPassword {

		private @Nullable String hash;

		String hash() {
			String known = this.hash;
			if (known == null) {
				known = AccountBootstrap.this.passwordEncoder
					.encode(AccountBootstrap.this.properties.sandbox().demoPassword());
				this.hash = known;
			}
			return known;
		}

	}

	private static String generatePassword() {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
