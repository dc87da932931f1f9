package org.waldur.portal.agent;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * The append-only record of hand-over checks: it can add and read, never change or
 * delete.
 */
interface AgentChecks extends Repository<AgentCheck, Long> {

	AgentCheck save(AgentCheck check);

	List<AgentCheck> findBySessionIdOrderByIdDesc(long sessionId);

}
