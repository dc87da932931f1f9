package org.waldur.portal.audit;

import org.waldur.portal.agent.AgentEvents;
import org.waldur.portal.agent.HandoverCheck;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.waldur.portal.audit.AuditRecord.session;

/**
 * Records the site agent hand-over: checks run and files downloaded, a file carrying the
 * token as a secret reveal.
 */
@Component
class AgentAuditor {

	private final AuditLog log;

	AgentAuditor(AuditLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional
	public void on(AgentEvents.ChecksRun event) {
		String failed = event.failed().isEmpty() ? "all passed"
				: "failed: " + String.join(", ", event.failed().stream().map(HandoverCheck::name).toList());
		this.log.record(session(AuditAction.AGENT_CHECKS_RUN,
				event.failed().isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, event.actor(),
				event.sessionId(), "Hand-over checks run: " + failed));
	}

	@EventListener
	@Transactional
	public void on(AgentEvents.TokenDownloaded event) {
		this.log.record(session(AuditAction.SECRET_REVEALED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
				"Service-account token downloaded in " + event.file().name()));
	}

	@EventListener
	@Transactional
	public void on(AgentEvents.ConfigDownloaded event) {
		this.log.record(session(AuditAction.AGENT_CONFIG_DOWNLOADED, AuditOutcome.SUCCESS, event.actor(),
				event.sessionId(), "Site agent configuration downloaded without the token"));
	}

	@EventListener
	@Transactional
	public void on(AgentEvents.AgentStartSimulated event) {
		this.log
			.record(session(AuditAction.AGENT_START_SIMULATED, AuditOutcome.SUCCESS, event.actor(), event.sessionId(),
					"Site agent's first start simulated against the sandbox with the " + "service-account token"));
	}

}
