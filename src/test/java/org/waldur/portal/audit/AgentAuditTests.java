package org.waldur.portal.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.waldur.portal.agent.AgentEvents;
import org.waldur.portal.agent.AgentFile;
import org.waldur.portal.agent.HandoverCheck;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site agent hand-over is audited: checks, plain downloads, and token downloads as
 * secret reveals.
 */
@SpringBootTest
class AgentAuditTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AuditLog log;

	@Test
	void handOverEventsBecomeAuditEntries() {
		long session = 424242;
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new AgentEvents.ChecksRun(session, "support", List.of(HandoverCheck.values()[0])));
			this.events.publishEvent(new AgentEvents.ConfigDownloaded(session, "operator"));
			this.events.publishEvent(new AgentEvents.TokenDownloaded(session, "operator", AgentFile.CONFIG_WITH_TOKEN));
		});
		List<AuditEntry> trail = this.log.sessionTrail(session);
		assertThat(trail).extracting(AuditEntry::getAction)
			.containsExactly(AuditAction.AGENT_CHECKS_RUN, AuditAction.AGENT_CONFIG_DOWNLOADED,
					AuditAction.SECRET_REVEALED);
		assertThat(trail.get(0).getOutcome()).isEqualTo(AuditOutcome.FAILURE);
		assertThat(trail.get(2).getDetail()).contains("CONFIG_WITH_TOKEN");
		assertThat(trail.get(2).getActor()).isEqualTo("operator");
	}

}
