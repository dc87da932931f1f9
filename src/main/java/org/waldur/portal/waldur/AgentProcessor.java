package org.waldur.portal.waldur;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One processor of a site agent service ({@code AgentProcessor}).
 *
 * @param uuid its UUID
 * @param name its name
 * @param backendType the backend, such as {@code SLURM}
 * @param backendVersion the backend's version, or {@code null}
 * @param lastRun when it last ran, or {@code null}
 */
public record AgentProcessor(String uuid, @Nullable String name, @Nullable String backendType,
		@Nullable String backendVersion, @Nullable OffsetDateTime lastRun) {

}
