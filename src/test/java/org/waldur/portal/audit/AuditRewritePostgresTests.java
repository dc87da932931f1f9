package org.waldur.portal.audit;

import org.waldur.portal.support.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AuditRewriteContract} on PostgreSQL, whose append-only triggers the attacker
 * switches off.
 */
@SpringBootTest
class AuditRewritePostgresTests extends AuditRewriteContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

	@Autowired
	AuditKey key;

	@Override
	AuditKey key() {
		return this.key;
	}

}
