package org.waldur.portal.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.PortalProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the request and response bodies of step attempts that ended more than
 * {@code portal.retention.attempt-bodies-days} ago, keeping the facts (who, when, which
 * call, status, outcome, message), and publishes how many it cleaned
 * ({@link OnboardingEvents.AttemptBodiesRemoved}, recorded by the audit log in the same
 * transaction). This is the only change ever made to a step attempt.
 */
@Component
class AttemptBodyRetention {

	private static final Logger log = LoggerFactory.getLogger(AttemptBodyRetention.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int days;

	AttemptBodyRetention(DataSource dataSource, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, Clock clock, PortalProperties properties) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
		this.days = properties.retention().attemptBodiesDays();
	}

	@Scheduled(cron = "${portal.retention.cron:0 30 3 * * *}")
	@SchedulerLock(name = "attempt-body-retention", lockAtMostFor = "PT30M")
	void scheduled() {
		apply();
	}

	/** Applies the retention now and returns the number of attempts cleaned. */
	int apply() {
		Instant cutoff = this.clock.instant().minus(this.days, ChronoUnit.DAYS);
		Integer cleaned = this.transactions.execute((status) -> {
			int count = this.jdbc.update("update onboarding_step_attempt set request_body = null, "
					+ "response_body = null, prior_exchanges = null where ended_at < ? and (request_body is not null "
					+ "or response_body is not null or prior_exchanges is not null)", cutoff.atOffset(ZoneOffset.UTC));
			this.events.publishEvent(new OnboardingEvents.AttemptBodiesRemoved(count, cutoff, this.days));
			return count;
		});
		int count = (cleaned != null) ? cleaned : 0;
		log.info("Retention: bodies removed from {} step attempt(s) older than {} days", count, this.days);
		return count;
	}

}
