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
 * One recorded hand-over check, append-only.
 */
@Entity
@Immutable
@Table(name = "agent_check")
class AgentCheck {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long sessionId;

	@Enumerated(EnumType.STRING)
	@Column(name = "check_name")
	private HandoverCheck check;

	@Enumerated(EnumType.STRING)
	private CheckOutcome outcome;

	private boolean passed;

	private String detail;

	private Instant checkedAt;

	private String actor;

	protected AgentCheck() {
		this.check = HandoverCheck.TOKEN_AUTHENTICATES;
		this.outcome = CheckOutcome.FAILED;
		this.detail = "";
		this.checkedAt = Instant.EPOCH;
		this.actor = "";
	}

	AgentCheck(long sessionId, HandoverCheck check, CheckOutcome outcome, String detail, Instant checkedAt,
			String actor) {
		this.sessionId = sessionId;
		this.check = check;
		this.outcome = outcome;
		this.passed = outcome.passed();
		this.detail = (detail.length() > 4000) ? detail.substring(0, 4000) : detail;
		this.checkedAt = checkedAt;
		this.actor = actor;
	}

	long getSessionId() {
		return this.sessionId;
	}

	HandoverCheck getCheck() {
		return this.check;
	}

	Instant getCheckedAt() {
		return this.checkedAt;
	}

	CheckResult toResult() {
		return new CheckResult(this.check, this.outcome, this.detail, this.checkedAt, this.actor);
	}

}
