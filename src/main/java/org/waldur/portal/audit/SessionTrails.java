package org.waldur.portal.audit;

import java.util.List;
import java.util.Optional;

import org.waldur.portal.onboarding.OnboardingDirectory;

import org.springframework.stereotype.Service;

/**
 * Reads the trail of one onboarding session for auditors: the audit entries, and the
 * session's heading and step attempts from onboarding's {@link OnboardingDirectory},
 * read-only.
 */
@Service
public class SessionTrails {

	private final AuditLog log;

	private final OnboardingDirectory directory;

	SessionTrails(AuditLog log, OnboardingDirectory directory) {
		this.log = log;
		this.directory = directory;
	}

	/** The trail, or empty when nothing is known about the session. */
	public Optional<SessionTrail> find(long sessionId) {
		Optional<OnboardingDirectory.Heading> session = this.directory.heading(sessionId);
		List<AuditEntry> entries = this.log.sessionTrail(sessionId);
		if (session.isEmpty() && entries.isEmpty()) {
			return Optional.empty();
		}
		List<SessionTrail.Attempt> attempts = this.directory.attempts(sessionId)
			.stream()
			.map(SessionTrails::attempt)
			.toList();
		return Optional.of(new SessionTrail(sessionId, session.map(OnboardingDirectory.Heading::title).orElse(null),
				session.map(OnboardingDirectory.Heading::status).orElse(null), entries, attempts));
	}

	private static SessionTrail.Attempt attempt(OnboardingDirectory.Attempt attempt) {
		return new SessionTrail.Attempt(attempt.id(), attempt.step(), attempt.attemptNo(), attempt.outcome(),
				attempt.actor(), attempt.startedAt(), attempt.endedAt(), attempt.durationMs(), attempt.httpMethod(),
				attempt.url(), attempt.responseStatus(), attempt.requestBody(), attempt.responseBody(),
				attempt.message());
	}

}
