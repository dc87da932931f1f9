package org.waldur.portal.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The entries recorded in one transaction, written just before it commits: first every
 * pending change of the persistence context is flushed, then the entries are appended in
 * the order they were recorded. The head of the chain is thus the last lock the
 * transaction takes, so a transaction holding it never waits for another lock.
 */
final class PendingEntries implements TransactionSynchronization {

	private final AuditLog log;

	private final @Nullable EntityManagerFactory entityManagers;

	private final List<Pending> entries = new ArrayList<>();

	private boolean written;

	private PendingEntries(AuditLog log, @Nullable EntityManagerFactory entityManagers) {
		this.log = log;
		this.entityManagers = entityManagers;
	}

	/** The entries of the current transaction, registered with it on first use. */
	static PendingEntries current(AuditLog log, @Nullable EntityManagerFactory entityManagers) {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingEntries pending && pending.log == log) {
				return pending;
			}
		}
		PendingEntries pending = new PendingEntries(log, entityManagers);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	void add(AuditRecord record, AuditContext context) {
		if (this.written) {
			// Recorded while the transaction commits, after the entries were written.
			this.log.append(record, context);
			return;
		}
		this.entries.add(new Pending(record, context));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		this.written = true;
		if (this.entries.isEmpty()) {
			return;
		}
		if (!readOnly) {
			// A read-only transaction flushes nothing at commit either.
			flushPersistenceContext();
		}
		for (Pending entry : this.entries) {
			this.log.append(entry.record(), entry.context());
		}
		this.entries.clear();
	}

	private void flushPersistenceContext() {
		if (this.entityManagers == null || !(TransactionSynchronizationManager
			.getResource(this.entityManagers) instanceof EntityManagerHolder holder)) {
			return;
		}
		try {
			holder.getEntityManager().flush();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/** Translated as the transaction manager would have at commit. */
	private RuntimeException translate(RuntimeException ex) {
		JpaDialect dialect = (this.entityManagers instanceof EntityManagerFactoryInfo info) ? info.getJpaDialect()
				: null;
		DataAccessException translated = (dialect != null) ? dialect.translateExceptionIfPossible(ex)
				: EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(ex);
		return (translated != null) ? translated : ex;
	}

	private record Pending(AuditRecord record, AuditContext context) {
	}

}
