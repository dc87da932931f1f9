package org.waldur.portal.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads local portal accounts for Spring Security, with their roles and whether they are
 * enabled. Accounts of the OpenID Connect provider are not found: they have no password.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		// An external account has no password: to a password it is an unknown account.
		Account account = this.accounts.findByUsername(username)
			.filter((found) -> !found.isExternal() && found.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.disabled(!account.isEnabled())
			.authorities(account.getRoles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
			.build();
	}

}
