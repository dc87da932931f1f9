package org.waldur.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit entries for tests, at chosen times, for an actor no other test uses.
 */
final class AuditTestSupport {

	private AuditTestSupport() {
	}

	static String uniqueActor(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static AuditEntry append(AuditLog log, TransactionTemplate transactions, AuditRecord record, Instant at) {
		return transactions.execute((status) -> log.append(record, at));
	}

	/** Entries with the given times, in this order of ids. */
	static List<AuditEntry> appendAll(AuditLog log, TransactionTemplate transactions, String actor,
			List<Instant> times) {
		List<AuditEntry> entries = new ArrayList<>();
		transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < times.size(); i++) {
				AuditOutcome outcome = (i % 3 == 0) ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
				entries.add(log.append(
						new AuditRecord(AuditAction.SIGN_IN, outcome, actor, "account", actor, null, "entry " + i),
						times.get(i)));
			}
		});
		return entries;
	}

}
