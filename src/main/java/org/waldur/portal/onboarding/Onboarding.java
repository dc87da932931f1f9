package org.waldur.portal.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.crypto.SecretBox;
import org.waldur.portal.waldur.WaldurAuthorizationException;
import org.waldur.portal.waldur.WaldurBusyException;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurExchange;
import org.waldur.portal.waldur.WaldurNotFoundException;
import org.waldur.portal.waldur.WaldurOutcomeUnknownException;
import org.waldur.portal.waldur.WaldurRejectedException;
import org.waldur.portal.waldur.WaldurRequestPreview;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The onboarding use cases: start, edit inputs, run steps against Waldur, reveal and
 * refresh the token, hand over and abandon. A step run claims the step in one
 * transaction, calls Waldur outside any transaction, and records the attempt and its
 * effects in a second one, so two clicks or two people never send the same call twice.
 */
@Service
public class Onboarding {

	private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Identifies this portal process in the running marker of a step. */
	private final String instance = UUID.randomUUID().toString();

	private final OnboardingSessions sessions;

	private final StepAttempts attempts;

	private final StepExecutor executor;

	private final SecretBox secrets;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Duration maxCall;

	Onboarding(OnboardingSessions sessions, StepAttempts attempts, StepExecutor executor, SecretBox secrets,
			Clock clock, ApplicationEventPublisher events, TransactionTemplate transactions,
			PortalProperties properties) {
		this.sessions = sessions;
		this.attempts = attempts;
		this.executor = executor;
		this.secrets = secrets;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		PortalProperties.Waldur waldur = properties.waldur();
		// Two look-ups with their retries and one change call, each bounded by the
		// client's timeouts.
		int calls = 2 * (1 + waldur.readRetries()) + 1;
		this.maxCall = waldur.connectTimeout().plus(waldur.readTimeout()).multipliedBy(calls).plusSeconds(10);
	}

	/** How long a step may be marked running before it counts as interrupted. */
	public Duration maxCallDuration() {
		return this.maxCall;
	}

	/** Starts a new onboarding owned by {@code viewer}. */
	public OnboardingSession start(Viewer viewer) {
		if (!viewer.mayStart()) {
			throw new OnboardingAccessDeniedException("Only operators and support staff start onboardings.");
		}
		return this.transactions.execute((status) -> {
			OnboardingSession session = this.sessions
				.save(new OnboardingSession(viewer.username(), this.clock.instant()));
			this.events.publishEvent(new OnboardingEvents.Started(session.getId(), viewer.username()));
			return session;
		});
	}

	/** The session, if {@code viewer} may see it. */
	public OnboardingSession get(long id, Viewer viewer) {
		OnboardingSession session = this.sessions.findById(id).orElseThrow(() -> new OnboardingNotFoundException(id));
		if (!session.isVisibleTo(viewer.username(), viewer.seesAll())) {
			throw new OnboardingNotFoundException(id);
		}
		return session;
	}

	/** The most recently updated onboardings someone started or is assigned to. */
	public List<OnboardingSession> recentOf(String username) {
		return this.sessions.findTop50ByCreatedByOrAssigneeOrderByUpdatedAtDesc(username, username);
	}

	/**
	 * Open onboardings that wait for someone: a step failed or its outcome is unknown.
	 */
	public List<OnboardingSession> needingAttention() {
		return this.sessions.findTop20ByStatusInOrderByUpdatedAtDesc(List.of(OnboardingStatus.NEEDS_ATTENTION));
	}

	/** Every attempt of the session, oldest first. */
	public List<StepAttempt> attempts(long id, Viewer viewer) {
		get(id, viewer);
		return this.attempts.findBySessionIdOrderByIdAsc(id);
	}

	/** The last attempt of a step, if any. */
	public @Nullable StepAttempt lastAttempt(long id, OnboardingStep step) {
		List<StepAttempt> found = this.attempts.findBySessionIdAndStepOrderByIdDesc(id, step);
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * The status of a step as users should see it (an interrupted run needs
	 * reconciliation).
	 */
	public StepStatus statusOf(OnboardingSession session, OnboardingStep step) {
		return session.step(step).statusAt(this.clock.instant(), this.maxCall);
	}

	/**
	 * Saves the offering inputs. {@code ownerToken} replaces the stored
	 * organisation-owner token when not blank; {@code forgetOwnerToken} removes it.
	 */
	public void saveOffering(long id, long version, OfferingInput input, @Nullable String ownerToken,
			boolean forgetOwnerToken, Viewer viewer) {
		change(id, version, viewer, (session, now) -> {
			boolean replace = forgetOwnerToken || (ownerToken != null && !ownerToken.isBlank());
			String sealed = (ownerToken != null && !ownerToken.isBlank() && !forgetOwnerToken)
					? this.secrets.encrypt(ownerToken.trim(), purpose(session, "owner-token")) : null;
			session.editOffering(input, sealed, replace, now);
			this.events.publishEvent(new OnboardingEvents.InputsSaved(id, OnboardingStep.OFFERING, viewer.username()));
		});
	}

	public void saveIntegration(long id, long version, IntegrationInput input, Viewer viewer) {
		change(id, version, viewer, (session, now) -> {
			session.editIntegration(input, now);
			this.events
				.publishEvent(new OnboardingEvents.InputsSaved(id, OnboardingStep.INTEGRATION, viewer.username()));
		});
	}

	public void saveAccount(long id, long version, AccountInput input, Viewer viewer) {
		change(id, version, viewer, (session, now) -> {
			session.editAccount(input, now);
			this.events
				.publishEvent(new OnboardingEvents.InputsSaved(id, OnboardingStep.SERVICE_ACCOUNT, viewer.username()));
		});
	}

	/** Hands the onboarding to {@code assignee} with a note. */
	public void assign(long id, String assignee, String note, Viewer viewer) {
		change(id, null, viewer, (session, now) -> {
			session.assignTo(assignee, now);
			this.events.publishEvent(new OnboardingEvents.Assigned(id, assignee, viewer.username(), note));
		});
	}

	/** Gives the onboarding up; nothing is deleted in Waldur. */
	public void abandon(long id, long version, String reason, Viewer viewer) {
		change(id, version, viewer, (session, now) -> {
			session.abandon(reason, now);
			this.events.publishEvent(new OnboardingEvents.Abandoned(id, viewer.username(), reason));
		});
	}

	/**
	 * Runs a step against Waldur: reconciles first when an earlier attempt may have
	 * changed Waldur, then calls it, and records the attempt.
	 * @param version the session version the user saw, so that a stale page cannot run a
	 * step again
	 * @return the recorded attempt
	 * @throws StepNotRunnableException when the step cannot run now (already running,
	 * already done, earlier steps missing, page out of date)
	 */
	public StepAttempt run(long id, OnboardingStep step, long version, Viewer viewer) {
		Claim claim = claim(id, step, version, viewer);
		StepOutcome.Builder calls = StepOutcome.calls();
		StepOutcome outcome;
		try {
			outcome = this.executor.execute(step, claim.run(), calls);
		}
		catch (WaldurException ex) {
			outcome = failure(ex, calls);
		}
		catch (RuntimeException ex) {
			log.error("Step {} of onboarding {} failed unexpectedly ({})", step, id, ex.getClass().getName());
			outcome = new StepOutcome(AttemptOutcome.FAILED,
					"The portal could not finish this step (" + ex.getClass().getSimpleName()
							+ "). Nothing was lost; try again or ask support.",
					calls.exchanges(), Map.of(), null, false);
		}
		return record(id, step, claim, outcome, viewer);
	}

	/**
	 * The service-account token in clear, for display. The first display after a fetch or
	 * refresh needs no extra step; later ones are reveals. Both are audited.
	 */
	public String revealToken(long id, Viewer viewer) {
		return this.transactions.execute((status) -> {
			OnboardingSession session = get(id, viewer);
			if (!viewer.mayChange(session)) {
				throw new OnboardingAccessDeniedException(
						"Revealing the token needs the operator of this onboarding or support staff.");
			}
			String sealed = session.getServiceTokenSecret();
			if (sealed == null) {
				throw new StepNotRunnableException("No token has been fetched yet.");
			}
			boolean first = !session.isServiceTokenDisplayed();
			session.markServiceTokenDisplayed(this.clock.instant());
			this.events.publishEvent(new OnboardingEvents.TokenRevealed(id, viewer.username(), first));
			return this.secrets.decrypt(sealed, purpose(session, "service-token"));
		});
	}

	/**
	 * Lets {@code use} work with the service-account token in clear without showing it,
	 * for example to check that it authenticates. Needs the same right as revealing it.
	 */
	public <T> T useServiceToken(long id, Viewer viewer, Function<String, T> use) {
		OnboardingSession session = get(id, viewer);
		if (!viewer.mayChange(session)) {
			throw new OnboardingAccessDeniedException(
					"Using the token needs the operator of this onboarding or support staff.");
		}
		String sealed = session.getServiceTokenSecret();
		if (sealed == null) {
			throw new StepNotRunnableException("No token has been fetched yet.");
		}
		return use.apply(this.secrets.decrypt(sealed, purpose(session, "service-token")));
	}

	/**
	 * The change call {@code step} would send now, for the user to confirm, or empty when
	 * its inputs or earlier results are missing.
	 */
	public Optional<WaldurRequestPreview> preview(OnboardingSession session, OnboardingStep step) {
		return this.executor.preview(step, snapshotForPreview(session, step));
	}

	private StepExecutor.Run snapshotForPreview(OnboardingSession session, OnboardingStep step) {
		WaldurCredential credential = (step.tokenChoice() == OnboardingStep.TokenChoice.OWNER_OR_STAFF
				&& session.hasOwnerToken()) ? WaldurCredential.owner("preview-only") : WaldurCredential.staff();
		return new StepExecutor.Run(credential, false, session.getOfferingInput(), session.getIntegrationInput(),
				session.getAccountInput(), session.getOfferingUuid(), session.getUserUuid());
	}

	private Claim claim(long id, OnboardingStep step, long version, Viewer viewer) {
		try {
			return this.transactions.execute((status) -> {
				OnboardingSession session = get(id, viewer);
				requireChange(session, viewer);
				if (session.getVersion() != version) {
					throw new StepNotRunnableException(staleMessage(session, step));
				}
				boolean reconcile = session.startStep(step, viewer.username(), this.instance, this.clock.instant(),
						this.maxCall);
				this.sessions.saveAndFlush(session);
				return new Claim(session.step(step).getAttempts(), session.step(step).getStartedAt(),
						snapshot(session, step, reconcile));
			});
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StepNotRunnableException(
					"Someone else changed this onboarding at the same moment; the step is already running or done. "
							+ "Reload the page to see its state.");
		}
	}

	private StepOutcome failure(WaldurException ex, StepOutcome.Builder calls) {
		if (ex instanceof WaldurBusyException) {
			// The refused call was never sent: only the calls before it are on record.
			return new StepOutcome(AttemptOutcome.FAILED,
					ex.getMessage() + " Nothing changed in Waldur; your inputs are kept.", calls.exchanges(), Map.of(),
					null, false);
		}
		List<WaldurExchange> exchanges = new ArrayList<>(calls.exchanges());
		exchanges.add(ex.exchange());
		if (ex instanceof WaldurRejectedException rejected) {
			return new StepOutcome(AttemptOutcome.REJECTED, ex.getMessage(), exchanges, rejected.fieldErrors(), null,
					false);
		}
		if (ex instanceof WaldurAuthorizationException || ex instanceof WaldurNotFoundException) {
			return new StepOutcome(AttemptOutcome.REJECTED, ex.getMessage(), exchanges, Map.of(), null, false);
		}
		if (ex instanceof WaldurOutcomeUnknownException) {
			return new StepOutcome(AttemptOutcome.OUTCOME_UNKNOWN,
					ex.getMessage() + " The next try checks Waldur first, so nothing is created twice.", exchanges,
					Map.of(), null, false);
		}
		return new StepOutcome(AttemptOutcome.FAILED,
				ex.getMessage() + " Your inputs are kept; try again when Waldur is back.", exchanges, Map.of(), null,
				false);
	}

	private StepAttempt record(long id, OnboardingStep step, Claim claim, StepOutcome outcome, Viewer viewer) {
		return this.transactions.execute((status) -> {
			OnboardingSession session = this.sessions.findById(id)
				.orElseThrow(() -> new OnboardingNotFoundException(id));
			Instant now = this.clock.instant();
			if (outcome.update() instanceof StepExecutor.TokenUpdate token) {
				session.storeServiceToken(this.secrets.encrypt(token.token(), purpose(session, "service-token")),
						token.created(), token.lifetime(), now);
			}
			else if (outcome.update() != null) {
				outcome.update().apply(session, now);
			}
			if (outcome.needsDecision()) {
				session.stopForDecision(step, outcome.message(), now);
			}
			else {
				session.finishStep(step, outcome.outcome(), outcome.message(), now);
			}
			StepAttempt attempt = this.attempts.save(toAttempt(id, step, claim, outcome, viewer, now));
			this.events.publishEvent(new OnboardingEvents.StepAttempted(id, step, claim.attemptNo(), outcome.outcome(),
					viewer.username(), outcome.message()));
			if (step == OnboardingStep.TOKEN_REFRESH) {
				this.events.publishEvent(new OnboardingEvents.TokenRefreshed(id, viewer.username(), outcome.outcome()));
			}
			if (session.getStatus() == OnboardingStatus.COMPLETED && step == OnboardingStep.TOKEN) {
				this.events.publishEvent(new OnboardingEvents.Completed(id, viewer.username()));
			}
			return attempt;
		});
	}

	private static StepAttempt toAttempt(long id, OnboardingStep step, Claim claim, StepOutcome outcome, Viewer viewer,
			Instant now) {
		List<WaldurExchange> exchanges = outcome.exchanges();
		WaldurExchange decisive = exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1);
		List<StepAttempt.Exchange> prior = exchanges.stream()
			.limit(Math.max(0, exchanges.size() - 1))
			.map(Onboarding::toRecord)
			.toList();
		return new StepAttempt(id, step, claim.attemptNo(), viewer.username(),
				(claim.startedAt() != null) ? claim.startedAt() : now, now, outcome.outcome(), outcome.message(),
				(decisive != null) ? toRecord(decisive) : null,
				outcome.fieldErrors().isEmpty() ? null : JSON.writeValueAsString(outcome.fieldErrors()),
				prior.isEmpty() ? null : JSON.writeValueAsString(prior));
	}

	private static StepAttempt.Exchange toRecord(WaldurExchange exchange) {
		return new StepAttempt.Exchange(exchange.method(), exchange.url(), exchange.requestBody(), exchange.status(),
				exchange.responseBody(), exchange.durationMillis());
	}

	private StepExecutor.Run snapshot(OnboardingSession session, OnboardingStep step, boolean reconcile) {
		WaldurCredential credential = WaldurCredential.staff();
		String sealedOwner = session.getOwnerTokenSecret();
		if (step.tokenChoice() == OnboardingStep.TokenChoice.OWNER_OR_STAFF && sealedOwner != null) {
			credential = WaldurCredential.owner(this.secrets.decrypt(sealedOwner, purpose(session, "owner-token")));
		}
		return new StepExecutor.Run(credential, reconcile, session.getOfferingInput(), session.getIntegrationInput(),
				session.getAccountInput(), session.getOfferingUuid(), session.getUserUuid());
	}

	private String staleMessage(OnboardingSession session, OnboardingStep step) {
		StepExecution execution = session.step(step);
		StepAttempt last = lastAttempt(session.getId(), step);
		if (execution.getStatus() == StepStatus.DONE && step.inWizard() && last != null) {
			return "This step was already completed by " + last.getActor() + ". Reload the page to see the result.";
		}
		if (execution.getStatus() == StepStatus.RUNNING) {
			return "This step is already running: started by " + execution.getRunningBy() + ".";
		}
		return "This onboarding changed since you opened the page. Reload it and check the step before sending again.";
	}

	private void change(long id, @Nullable Long version, Viewer viewer, StepOutcome.SessionUpdate update) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				OnboardingSession session = get(id, viewer);
				requireChange(session, viewer);
				if (version != null && session.getVersion() != version) {
					throw new StepNotRunnableException(
							"This onboarding changed since you opened the page. Reload it; your inputs were not saved.");
				}
				update.apply(session, this.clock.instant());
				this.sessions.saveAndFlush(session);
			});
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StepNotRunnableException(
					"Someone else changed this onboarding at the same moment. Reload it; your change was not saved.");
		}
	}

	private static void requireChange(OnboardingSession session, Viewer viewer) {
		if (!viewer.mayChange(session)) {
			throw new OnboardingAccessDeniedException(
					"You may look at this onboarding but not change it. Support staff or its operator can.");
		}
	}

	private static String purpose(OnboardingSession session, String secret) {
		return "onboarding:" + session.getId() + ":" + secret;
	}

	private record Claim(int attemptNo, @Nullable Instant startedAt, StepExecutor.Run run) {
	}

}
