package org.waldur.portal.waldur;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One service of a site agent, one per mode ({@code AgentService}).
 *
 * @param uuid its UUID
 * @param name its name
 * @param mode the agent mode, such as {@code order_process}, or {@code null}
 * @param state {@code Active}, {@code Idle} or {@code Error}
 * @param modified when it last changed
 * @param processors its processors (present when listed from the services endpoint)
 */
public record AgentService(String uuid, @Nullable String name, @Nullable String mode, @Nullable String state,
		@Nullable OffsetDateTime modified, @Nullable List<AgentProcessor> processors) {

	/** The processors, never {@code null}. */
	public List<AgentProcessor> processorList() {
		return (this.processors != null) ? this.processors : List.of();
	}

}
