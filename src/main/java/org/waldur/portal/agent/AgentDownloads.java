package org.waldur.portal.agent;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * The append-only record of agent file downloads.
 */
interface AgentDownloads extends Repository<AgentDownload, Long> {

	AgentDownload save(AgentDownload download);

	List<AgentDownload> findBySessionIdOrderByIdDesc(long sessionId);

}
