package org.waldur.portal.audit;

import org.waldur.portal.sandbox.Fault;
import org.waldur.portal.sandbox.SandboxFaultsChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records faults configured in the built-in sandbox (only published in sandbox mode).
 */
@Component
class SandboxAuditor {

	private final AuditLog log;

	SandboxAuditor(AuditLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional
	public void on(SandboxFaultsChanged event) {
		Fault fault = event.added();
		if (fault != null) {
			String status = (fault.status() > 0) ? " status " + fault.status() : "";
			String delay = fault.delay().isZero() ? "" : " delay " + fault.delay();
			this.log
				.record(new AuditRecord(AuditAction.SANDBOX_FAULT_ADDED, AuditOutcome.SUCCESS, null, "sandbox_fault",
						Long.toString(fault.id()), null, fault.kind() + " " + fault.method() + " " + fault.pathPattern()
								+ status + delay + " for the next " + fault.remaining() + " call(s)"));
		}
		else {
			this.log.record(new AuditRecord(AuditAction.SANDBOX_FAULTS_CLEARED, AuditOutcome.SUCCESS, null,
					"sandbox_fault", null, null, event.cleared() + " fault(s) cleared"));
		}
	}

}
