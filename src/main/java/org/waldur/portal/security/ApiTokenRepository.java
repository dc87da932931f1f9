package org.waldur.portal.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored API tokens, found by the SHA-256 of the token.
 */
interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByAccountIdOrderByCreatedAtDesc(long accountId);

	long countByAccountIdAndRevokedAtIsNull(long accountId);

	/**
	 * Notes a use, at most once a minute per token so that calls do not write each time.
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
	int touch(long id, Instant now, Instant before);

}
