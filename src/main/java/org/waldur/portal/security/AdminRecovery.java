package org.waldur.portal.security;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.InvalidConfigurationException;
import org.waldur.portal.config.PortalProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checks {@code PORTAL_ADMIN_PASSWORD} against the password rules at start-up and, when
 * {@code PORTAL_ADMIN_RESET=true}, is the operator's way back in: it gives {@code admin}
 * that password, enables it with the administrator role, clears its failed sign-ins and
 * ends its sessions. Every change is audited with the actor {@code system}. Meant for one
 * start; the log asks to remove the setting again.
 */
@Component
@Order(1)
class AdminRecovery implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminRecovery.class);

	private final Accounts accounts;

	private final AccountManagement management;

	private final PortalProperties properties;

	private final boolean reset;

	AdminRecovery(Accounts accounts, AccountManagement management, PortalProperties properties,
			PasswordPolicy passwordPolicy, @Value("${portal.admin-reset:false}") boolean reset) {
		this.accounts = accounts;
		this.management = management;
		this.properties = properties;
		this.reset = reset;
		String password = properties.adminPassword();
		if (password != null) {
			passwordPolicy.problem(password, AccountBootstrap.ADMIN).ifPresent((problem) -> {
				throw new InvalidConfigurationException("PORTAL_ADMIN_PASSWORD breaks the password rules: " + problem);
			});
		}
		if (reset && password == null) {
			throw new InvalidConfigurationException(
					"PORTAL_ADMIN_RESET needs PORTAL_ADMIN_PASSWORD, the new password of 'admin'.");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = this.properties.adminPassword();
		if (!this.reset || password == null) {
			return;
		}
		String system = AccountBootstrap.SYSTEM;
		Account admin = this.accounts.findByUsername(AccountBootstrap.ADMIN).orElse(null);
		if (admin == null) {
			this.management.create(AccountBootstrap.ADMIN, password, EnumSet.of(Role.ADMIN), system);
		}
		else {
			long id = admin.getId();
			this.management.resetPassword(id, password, system);
			if (!admin.isEnabled()) {
				this.management.setEnabled(id, true, system);
			}
			if (!admin.getRoles().contains(Role.ADMIN)) {
				Set<Role> roles = EnumSet.of(Role.ADMIN);
				roles.addAll(admin.getRoles());
				this.management.assignRoles(id, roles, system);
			}
		}
		log.warn("PORTAL_ADMIN_RESET: account 'admin' now has the password from PORTAL_ADMIN_PASSWORD, is enabled, "
				+ "holds the administrator role and has no failed sign-ins or open sessions. "
				+ "Remove PORTAL_ADMIN_RESET before the next start.");
	}

}
