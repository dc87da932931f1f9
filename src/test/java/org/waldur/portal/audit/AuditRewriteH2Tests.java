package org.waldur.portal.audit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** {@link AuditRewriteContract} on H2, in a context (and database) of its own. */
@SpringBootTest
@TestPropertySource(properties = "portal.test.context=audit-rewrite")
class AuditRewriteH2Tests extends AuditRewriteContract {

	@Autowired
	AuditKey key;

	@Override
	AuditKey key() {
		return this.key;
	}

}
