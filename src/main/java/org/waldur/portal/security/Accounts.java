package org.waldur.portal.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored portal accounts.
 */
public interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	Optional<Account> findByExternalIssuerAndExternalSubject(String issuer, String subject);

	List<Account> findAllByOrderByUsernameAsc();

	List<Account> findByDemoTrueAndEnabledTrue();

}
