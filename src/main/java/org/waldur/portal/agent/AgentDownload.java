package org.waldur.portal.agent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One download of an agent file, append-only.
 */
@Entity
@Immutable
@Table(name = "agent_download")
class AgentDownload {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long sessionId;

	@Enumerated(EnumType.STRING)
	@Column(name = "file_kind")
	private AgentFile file;

	private boolean tokenIncluded;

	private Instant downloadedAt;

	private String actor;

	protected AgentDownload() {
		this.file = AgentFile.CONFIG_REFERENCED;
		this.downloadedAt = Instant.EPOCH;
		this.actor = "";
	}

	AgentDownload(long sessionId, AgentFile file, Instant downloadedAt, String actor) {
		this.sessionId = sessionId;
		this.file = file;
		this.tokenIncluded = file.containsToken();
		this.downloadedAt = downloadedAt;
		this.actor = actor;
	}

	AgentFile getFile() {
		return this.file;
	}

	Instant getDownloadedAt() {
		return this.downloadedAt;
	}

	String getActor() {
		return this.actor;
	}

}
