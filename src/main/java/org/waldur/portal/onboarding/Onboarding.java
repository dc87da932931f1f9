package org.waldur.portal.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
import org.waldur.portal.waldur.WaldurServer;
import org.waldur.portal.waldur.WaldurVersion;
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

	private static final String INTERRUPTED = "The portal stopped while this step was running; it is not known "
			+ "whether Waldur applied it. The next run looks Waldur up first.";

	/** Identifies this portal process in the running marker of a step. */
	private final String instance = UUID.randomUUID().toString();

	private final OnboardingSessions sessions;

	private final StepAttempts attempts;

	private final StepExecutor executor;

	private final SecretBox secrets;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Duration settleTime;

	private final Duration interruptedAfter;

	private final WaldurServer server;

	Onboarding(OnboardingSessions sessions, StepAttempts attempts, StepExecutor executor, SecretBox secrets,
			Clock clock, ApplicationEventPublisher events, TransactionTemplate transactions,
			PortalProperties properties, WaldurServer server) {
		this.server = server;
		this.sessions = sessions;
		this.attempts = attempts;
		this.executor = executor;
		this.secrets = secrets;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		PortalProperties.Waldur waldur = properties.waldur();
		this.settleTime = waldur.settleTime();
		this.interruptedAfter = waldur.interruptedAfter();
	}

	/**
	 * How long a step may be marked running before the sweeper treats it as interrupted.
	 */
	public Duration interruptedAfter() {
		return this.interruptedAfter;
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

	/**
	 * Starts a named onboarding: the first save of the "New onboarding" form. Nothing is
	 * stored before it.
	 */
	public OnboardingSession start(Viewer viewer, String name) {
		if (!viewer.mayStart()) {
			throw new OnboardingAccessDeniedException("Only operators and support staff start onboardings.");
		}
		return this.transactions.execute((status) -> {
			OnboardingSession session = this.sessions
				.save(new OnboardingSession(viewer.username(), this.clock.instant(), name));
			this.events.publishEvent(new OnboardingEvents.Started(session.getId(), viewer.username()));
			return session;
		});
	}

	/**
	 * Deletes a draft nothing of which reached Waldur (see
	 * {@link OnboardingSession#isDeletableDraft()}); the audit log keeps that it existed
	 * and who deleted it.
	 * @throws StepNotRunnableException if something of it may exist in Waldur or the page
	 * was out of date
	 */
	public void deleteDraft(long id, long version, Viewer viewer) {
		this.transactions.executeWithoutResult((status) -> {
			OnboardingSession session = get(id, viewer);
			requireChange(session, viewer);
			if (session.getVersion() != version) {
				throw new StepNotRunnableException("This onboarding changed since you opened the page. Reload it.");
			}
			if (!session.isDeletableDraft() || !this.attempts.findBySessionIdOrderByIdAsc(id).isEmpty()) {
				throw new StepNotRunnableException("A request of this onboarding was sent to Waldur, so it cannot be "
						+ "deleted: abandon it instead, and what exists in Waldur stays listed for clean-up.");
			}
			this.events.publishEvent(new OnboardingEvents.DraftDeleted(id, viewer.username(), session.getTitle()));
			this.sessions.delete(session);
			this.sessions.flush();
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

	/**
	 * Who finished the onboarding (the last wizard step's run), or {@code null} while it
	 * is not completed.
	 */
	public @Nullable String completedBy(OnboardingSession session) {
		if (!session.isCompleted()) {
			return null;
		}
		List<StepAttempt> all = this.attempts.findBySessionIdOrderByIdAsc(session.getId());
		for (int i = all.size() - 1; i >= 0; i--) {
			if (all.get(i).getStep().inWizard() && all.get(i).getOutcome().isSuccess()) {
				return all.get(i).getActor();
			}
		}
		return null;
	}

	/** Every attempt of the session, oldest first. */
	public List<StepAttempt> attempts(long id, Viewer viewer) {
		get(id, viewer);
		return this.attempts.findBySessionIdOrderByIdAsc(id);
	}

	/** The last attempt of a step, if any. */
	public @Nullable StepAttempt lastAttempt(long id, OnboardingStep step) {
		return this.attempts.findFirstBySessionIdAndStepOrderByIdDesc(id, step).orElse(null);
	}

	/**
	 * The last attempt of a step of a loaded session, if any: a step that never ran
	 * (every recorded attempt counts on its execution first) is answered without a query.
	 */
	public @Nullable StepAttempt lastAttempt(OnboardingSession session, OnboardingStep step) {
		return (session.step(step).getAttempts() == 0) ? null : lastAttempt(session.getId(), step);
	}

	/**
	 * Whether a request of the step may still land in Waldur now, so that only look-ups
	 * are possible.
	 */
	public boolean isSettling(OnboardingSession session, OnboardingStep step) {
		return session.step(step).isSettling(this.clock.instant());
	}

	/** Whole seconds until a request of the step can no longer land; 0 when none can. */
	public long secondsUntilSettled(OnboardingSession session, OnboardingStep step) {
		Instant settlesAt = session.step(step).getSettlesAt();
		Instant now = this.clock.instant();
		return (settlesAt != null && now.isBefore(settlesAt)) ? Duration.between(now, settlesAt).toSeconds() + 1 : 0;
	}

	/**
	 * Moves every run still marked running after {@link #interruptedAfter()} (the process
	 * stopped during it) to "needs reconciliation", each session in its own transaction,
	 * with an attempt on record; returns how many runs were moved.
	 */
	public int interruptStaleRuns() {
		Instant cutoff = this.clock.instant().minus(this.interruptedAfter);
		int moved = 0;
		for (long id : this.sessions.findIdsRunningSince(cutoff)) {
			Integer count = this.transactions.execute((status) -> {
				OnboardingSession session = this.sessions.findById(id).orElseThrow();
				Instant now = this.clock.instant();
				List<StepExecution> stale = session.runningSince(cutoff);
				for (StepExecution execution : stale) {
					Instant started = Objects.requireNonNull(execution.getStartedAt());
					// Its calls were sent before the run's limit; each may land until it
					// settles.
					Instant settlesAt = started.plus(this.interruptedAfter).plus(this.settleTime);
					this.attempts.save(new StepAttempt(id, execution.getStep(), execution.getAttempts(),
							Objects.requireNonNullElse(execution.getRunningBy(), "portal"), started, now,
							AttemptOutcome.OUTCOME_UNKNOWN, INTERRUPTED, null, null, null));
					session.interrupt(execution.getStep(), now, settlesAt);
					this.events.publishEvent(new OnboardingEvents.StepAttempted(id, execution.getStep(),
							execution.getAttempts(), AttemptOutcome.OUTCOME_UNKNOWN, "portal", INTERRUPTED));
				}
				this.sessions.saveAndFlush(session);
				return stale.size();
			});
			moved += (count != null) ? count : 0;
		}
		return moved;
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

	/**
	 * Saves the token lifetime the keep-token step sets: {@code null} for none, else
	 * seconds (at least 60, as Waldur requires).
	 */
	public void saveKeepToken(long id, long version, @Nullable Integer seconds, Viewer viewer) {
		if (seconds != null && seconds < 60) {
			throw new IllegalArgumentException("Waldur needs a lifetime of at least 60 seconds.");
		}
		change(id, version, viewer, (session, now) -> {
			session.editKeepToken(seconds, now);
			this.events
				.publishEvent(new OnboardingEvents.InputsSaved(id, OnboardingStep.KEEP_TOKEN, viewer.username()));
		});
	}

	/**
	 * Records that a hand-over check found the onboarding's site agent registered in
	 * Waldur; only the first time is kept.
	 */
	public void recordAgentSeen(long id, Instant when) {
		this.transactions.executeWithoutResult((status) -> {
			OnboardingSession session = this.sessions.findById(id)
				.orElseThrow(() -> new OnboardingNotFoundException(id));
			if (session.getAgentSeenAt() == null) {
				session.recordAgentSeen(when);
				this.sessions.saveAndFlush(session);
			}
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
	 * @param fingerprint the {@link WaldurRequestPreview#fingerprint()} of the request
	 * the user confirmed; the step runs only when the request rebuilt now is the same
	 * @return the recorded attempt
	 * @throws StepNotRunnableException when the step cannot run now (already running,
	 * already done, earlier steps missing, page out of date, request changed since it was
	 * reviewed)
	 */
	public StepAttempt run(long id, OnboardingStep step, long version, String fingerprint, Viewer viewer) {
		Claim claim = claim(id, step, version, fingerprint, viewer);
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
			outcome = StepOutcome.unchanged(AttemptOutcome.FAILED, "The portal could not finish this step ("
					+ ex.getClass().getSimpleName() + "). Nothing was lost; try again or ask support.",
					calls.exchanges(), Map.of());
		}
		return record(id, step, claim, outcome, viewer);
	}

	/**
	 * Keeps one of the offerings Waldur holds under the onboarding's name, as support
	 * chose: reads it from Waldur first to confirm that it still exists and matches the
	 * onboarding, then records it as the onboarding's offering (the offering step is
	 * done, reconciled), with the read on record as an attempt. Deletes nothing in
	 * Waldur; the other candidates stay there for clean-up.
	 * @param version the session version the chooser saw
	 * @param offeringUuid the chosen candidate
	 * @return the recorded attempt
	 * @throws OnboardingAccessDeniedException when the viewer is not support staff
	 * @throws StepNotRunnableException when the onboarding no longer waits for this
	 * choice, the offering is not a candidate, the page is out of date, or Waldur does
	 * not confirm the offering; nothing is recorded then
	 */
	public StepAttempt chooseOffering(long id, long version, String offeringUuid, Viewer viewer) {
		WaldurVersion waldur = this.server.current();
		Claim claim = this.transactions.execute((status) -> {
			OnboardingSession session = get(id, viewer);
			requireChoice(session, version, offeringUuid, viewer);
			Instant now = this.clock.instant();
			return new Claim(0, now, snapshot(session, OnboardingStep.OFFERING, false, null, now, waldur));
		});
		StepOutcome outcome;
		try {
			outcome = this.executor.chosen(claim.run(), offeringUuid, StepOutcome.calls());
		}
		catch (WaldurNotFoundException ex) {
			throw new StepNotRunnableException("Waldur no longer has offering " + offeringUuid
					+ " (it may have been cleaned up meanwhile). Nothing was recorded; choose another one.");
		}
		catch (WaldurException ex) {
			throw new StepNotRunnableException("Waldur could not confirm offering " + offeringUuid + ": "
					+ ex.getMessage() + " Nothing was recorded; try again.");
		}
		if (outcome.outcome() != AttemptOutcome.RECONCILED) {
			throw new StepNotRunnableException(outcome.message());
		}
		try {
			return this.transactions
				.execute((status) -> recordChoice(id, version, offeringUuid, claim, outcome, viewer));
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StepNotRunnableException("Someone else changed this onboarding at the same moment. Nothing was "
					+ "recorded; reload the page to see where it stands.");
		}
	}

	private StepAttempt recordChoice(long id, long version, String offeringUuid, Claim claim, StepOutcome read,
			Viewer viewer) {
		OnboardingSession session = get(id, viewer);
		requireChoice(session, version, offeringUuid, viewer);
		Instant now = this.clock.instant();
		List<OfferingCandidate> candidates = session.getOfferingCandidates();
		List<String> others = candidates.stream()
			.map(OfferingCandidate::uuid)
			.filter((uuid) -> !uuid.equals(offeringUuid))
			.toList();
		String name = Objects.requireNonNull(session.getOfferingInput()).name();
		String message = viewer.username() + " (support staff) chose offering " + offeringUuid + " of the "
				+ candidates.size() + " offerings named '" + name + "' in Waldur; the onboarding keeps it. "
				+ ((others.size() == 1) ? "The other one is" : "The others are") + " left in Waldur for clean-up: "
				+ String.join(", ", others) + ". Nothing was deleted in Waldur.";
		session.chooseOffering(offeringUuid, message, now);
		session.apply(read.result(), sealer(session), now);
		this.sessions.saveAndFlush(session);
		int attemptNo = session.step(OnboardingStep.OFFERING).getAttempts();
		StepOutcome recorded = StepOutcome.unchanged(AttemptOutcome.RECONCILED, message, read.exchanges(), Map.of());
		StepAttempt attempt = this.attempts.save(toAttempt(id, OnboardingStep.OFFERING,
				new Claim(attemptNo, claim.startedAt(), claim.run()), recorded, viewer, now));
		this.events.publishEvent(new OnboardingEvents.StepAttempted(id, OnboardingStep.OFFERING, attemptNo,
				AttemptOutcome.RECONCILED, viewer.username(), message));
		this.events
			.publishEvent(new OnboardingEvents.OfferingChosen(id, viewer.username(), offeringUuid, name, others));
		return attempt;
	}

	private static void requireChoice(OnboardingSession session, long version, String offeringUuid, Viewer viewer) {
		if (!viewer.mayChooseOffering()) {
			throw new OnboardingAccessDeniedException(
					"Choosing which offering an onboarding keeps needs support staff. Ask support to choose.");
		}
		session.requireOfferingChoice(offeringUuid);
		if (session.getVersion() != version) {
			throw new StepNotRunnableException("This onboarding changed since you opened the page. Nothing was "
					+ "recorded; reload it and check the offerings before choosing again.");
		}
	}

	/**
	 * The service-account token in clear, for display. The first display after a fetch or
	 * refresh needs no extra step; later ones are reveals. Both are audited.
	 */
	/**
	 * Checks, without showing it, that {@code viewer} may reveal the token and that there
	 * is one.
	 * @throws OnboardingAccessDeniedException if the viewer may not reveal it
	 * @throws StepNotRunnableException if no token has been fetched yet
	 */
	public void requireRevealable(long id, Viewer viewer) {
		OnboardingSession session = get(id, viewer);
		if (!viewer.mayChange(session)) {
			throw new OnboardingAccessDeniedException(
					"Revealing the token needs the operator of this onboarding or support staff.");
		}
		if (session.getServiceTokenSecret() == null) {
			throw new StepNotRunnableException("No token has been fetched yet.");
		}
	}

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
	 * its inputs or earlier results are missing. It is built for the Waldur version the
	 * portal talks to ({@link #waldur()}).
	 */
	public Optional<WaldurRequestPreview> preview(OnboardingSession session, OnboardingStep step) {
		return preview(session, step, this.server.current());
	}

	private Optional<WaldurRequestPreview> preview(OnboardingSession session, OnboardingStep step,
			WaldurVersion waldur) {
		return this.executor.preview(step, snapshotForPreview(session, step, waldur));
	}

	/** The Waldur the portal talks to: its version, and what it allows providers. */
	public WaldurVersion waldur() {
		return this.server.current();
	}

	/**
	 * Checks in Waldur what the offering step assumes of the onboarding's organisation
	 * and category (only reads, with the staff token); empty before the offering inputs
	 * are saved.
	 * @throws WaldurException when Waldur cannot be asked
	 */
	public Optional<Prerequisites> prerequisites(OnboardingSession session) {
		OfferingInput input = session.getOfferingInput();
		return (input != null) ? Optional.of(this.executor.prerequisites(input, StepOutcome.calls()))
				: Optional.empty();
	}

	/**
	 * What a preview of the step needs: the inputs and the kind of token the step would
	 * use, no token.
	 */
	private StepRun snapshotForPreview(OnboardingSession session, OnboardingStep step, WaldurVersion waldur) {
		return new StepRun(credentialKind(session, step), null, false, null, this.clock.instant(),
				session.getOfferingInput(), session.getIntegrationInput(), session.getAccountInput(),
				session.getOfferingUuid(), session.getUserUuid(), null, session.getKeepTokenSeconds(), waldur);
	}

	/**
	 * The kind of token {@code step} goes with: the service account's own for the steps
	 * only it may take, the owner's when one is stored for a step that allows it, else
	 * the staff token.
	 */
	private static WaldurCredential.Kind credentialKind(OnboardingSession session, OnboardingStep step) {
		return switch (step.tokenChoice()) {
			case SERVICE_ACCOUNT -> WaldurCredential.Kind.SERVICE_ACCOUNT;
			case OWNER_OR_STAFF ->
				session.hasOwnerToken() ? WaldurCredential.Kind.ORGANISATION_OWNER : WaldurCredential.Kind.STAFF;
			case STAFF -> WaldurCredential.Kind.STAFF;
		};
	}

	private Claim claim(long id, OnboardingStep step, long version, String fingerprint, Viewer viewer) {
		if (step.supportOnly() && !viewer.mayChooseOffering()) {
			throw new OnboardingAccessDeniedException("Registering the organisation as a service provider needs "
					+ "support staff (Waldur allows it to staff only). Ask support to register it.");
		}
		// Read before the transaction: it may ask Waldur.
		WaldurVersion waldur = this.server.current();
		try {
			return this.transactions.execute((status) -> {
				OnboardingSession session = get(id, viewer);
				requireChange(session, viewer);
				String expected = preview(session, step, waldur).map(WaldurRequestPreview::fingerprint).orElse(null);
				boolean changed = expected != null && !expected.equals(fingerprint);
				if (session.getVersion() != version) {
					throw new StepNotRunnableException(changed ? CHANGED_SINCE_REVIEW : staleMessage(session, step));
				}
				if (changed) {
					throw new StepNotRunnableException(CHANGED_SINCE_REVIEW);
				}
				Instant now = this.clock.instant();
				Instant settlesAt = session.step(step).getSettlesAt();
				boolean reconcile = session.startStep(step, viewer.username(), this.instance, now);
				session.recordWaldurVersion(waldur.version());
				this.sessions.saveAndFlush(session);
				return new Claim(session.step(step).getAttempts(), session.step(step).getStartedAt(),
						snapshot(session, step, reconcile, settlesAt, now, waldur));
			});
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StepNotRunnableException(
					"Someone else changed this onboarding at the same moment; the step is already running or done. "
							+ "Reload the page to see its state.");
		}
	}

	/** The refusal when the confirmed request differs from the one that would be sent. */
	public static final String CHANGED_SINCE_REVIEW = "This request changed since you reviewed it (another tab, "
			+ "another person or an edit changed the inputs). Nothing was sent. Review the request shown now and "
			+ "confirm again.";

	private StepOutcome failure(WaldurException ex, StepOutcome.Builder calls) {
		if (ex instanceof WaldurBusyException) {
			// The refused call was never sent: only the calls before it are on record.
			return StepOutcome.unchanged(AttemptOutcome.FAILED,
					ex.getMessage() + " Nothing changed in Waldur; your inputs are kept.", calls.exchanges(), Map.of());
		}
		List<WaldurExchange> exchanges = new ArrayList<>(calls.exchanges());
		exchanges.add(ex.exchange());
		if (ex instanceof WaldurRejectedException rejected) {
			return StepOutcome.unchanged(AttemptOutcome.REJECTED, ex.getMessage(), exchanges, rejected.fieldErrors());
		}
		if (ex instanceof WaldurAuthorizationException || ex instanceof WaldurNotFoundException) {
			return StepOutcome.unchanged(AttemptOutcome.REJECTED, ex.getMessage(), exchanges, Map.of());
		}
		if (ex instanceof WaldurOutcomeUnknownException) {
			return StepOutcome.unchanged(AttemptOutcome.OUTCOME_UNKNOWN,
					sentence(ex.getMessage()) + " The next try checks Waldur first, so nothing is created twice.",
					exchanges, Map.of());
		}
		return StepOutcome.unchanged(AttemptOutcome.FAILED,
				sentence(ex.getMessage()) + " Your inputs are kept; try again when Waldur is back.", exchanges,
				Map.of());
	}

	/**
	 * Waldur's message ended as a sentence, so that the portal's advice can follow it.
	 */
	static String sentence(@Nullable String message) {
		String text = (message != null) ? message.strip() : "";
		return (text.isEmpty() || text.endsWith(".") || text.endsWith("!") || text.endsWith("?")) ? text : text + ".";
	}

	private StepAttempt record(long id, OnboardingStep step, Claim claim, StepOutcome outcome, Viewer viewer) {
		return this.transactions.execute((status) -> {
			OnboardingSession session = this.sessions.findById(id)
				.orElseThrow(() -> new OnboardingNotFoundException(id));
			Instant now = this.clock.instant();
			session.apply(outcome.result(), sealer(session), now);
			boolean completed = false;
			if (outcome.needsDecision()) {
				session.stopForDecision(step, outcome.message(), now);
			}
			else {
				completed = session.finishStep(step, outcome.outcome(), outcome.message(), now,
						uncertain(outcome, claim.run().reconcile()), settlesAt(outcome, now));
			}
			StepAttempt attempt = this.attempts.save(toAttempt(id, step, claim, outcome, viewer, now));
			this.events.publishEvent(new OnboardingEvents.StepAttempted(id, step, claim.attemptNo(), outcome.outcome(),
					viewer.username(), outcome.message()));
			if (step == OnboardingStep.TOKEN_REFRESH) {
				this.events.publishEvent(new OnboardingEvents.TokenRefreshed(id, viewer.username(), outcome.outcome()));
			}
			if (completed) {
				this.events.publishEvent(new OnboardingEvents.Completed(id, viewer.username()));
			}
			return attempt;
		});
	}

	/**
	 * Whether Waldur's state is unknown after the run: the change got no clear answer, or
	 * a run that had to reconcile ended before a look-up told what Waldur holds.
	 */
	private static boolean uncertain(StepOutcome outcome, boolean reconciling) {
		if (outcome.outcome() != AttemptOutcome.FAILED && outcome.outcome() != AttemptOutcome.REJECTED) {
			return false;
		}
		List<WaldurExchange> exchanges = outcome.exchanges();
		WaldurExchange last = exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1);
		boolean changeAnsweredWithServerError = last != null && !"GET".equals(last.method()) && last.status() != null
				&& last.status() >= 500;
		boolean lookedUp = exchanges.stream()
			.anyMatch((exchange) -> "GET".equals(exchange.method()) && exchange.status() != null
					&& exchange.status() < 300);
		return changeAnsweredWithServerError || (reconciling && !lookedUp);
	}

	/**
	 * Until when the run's change request may still land: its send time plus the settle
	 * time, for an outcome that leaves it in flight.
	 */
	private @Nullable Instant settlesAt(StepOutcome outcome, Instant now) {
		if (outcome.outcome() != AttemptOutcome.OUTCOME_UNKNOWN) {
			return null;
		}
		List<WaldurExchange> exchanges = outcome.exchanges();
		long millis = exchanges.isEmpty() ? 0 : exchanges.get(exchanges.size() - 1).durationMillis();
		return now.minusMillis(millis).plus(this.settleTime);
	}

	private static StepAttempt toAttempt(long id, OnboardingStep step, Claim claim, StepOutcome outcome, Viewer viewer,
			Instant now) {
		List<WaldurExchange> exchanges = outcome.exchanges();
		// The change call decides the attempt; look-ups and checks around it are kept
		// beside it.
		int decisiveAt = exchanges.size() - 1;
		for (int i = exchanges.size() - 1; i >= 0; i--) {
			if (!"GET".equals(exchanges.get(i).method())) {
				decisiveAt = i;
				break;
			}
		}
		WaldurExchange decisive = exchanges.isEmpty() ? null : exchanges.get(decisiveAt);
		List<StepAttempt.Exchange> prior = new ArrayList<>();
		for (int i = 0; i < exchanges.size(); i++) {
			if (i != decisiveAt) {
				prior.add(toRecord(exchanges.get(i)));
			}
		}
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

	private StepRun snapshot(OnboardingSession session, OnboardingStep step, boolean reconcile,
			@Nullable Instant settlesAt, Instant now, WaldurVersion waldur) {
		WaldurCredential credential = WaldurCredential.staff();
		String sealedOwner = session.getOwnerTokenSecret();
		if (step.tokenChoice() == OnboardingStep.TokenChoice.OWNER_OR_STAFF && sealedOwner != null) {
			credential = WaldurCredential.owner(this.secrets.decrypt(sealedOwner, purpose(session, "owner-token")));
		}
		String sealedToken = session.getServiceTokenSecret();
		if (step.tokenChoice() == OnboardingStep.TokenChoice.SERVICE_ACCOUNT) {
			if (sealedToken == null) {
				throw new StepNotRunnableException("This step needs the service-account token from the token step.");
			}
			credential = WaldurCredential
				.serviceAccount(this.secrets.decrypt(sealedToken, purpose(session, "service-token")));
		}
		String heldToken = (step == OnboardingStep.TOKEN_REFRESH && reconcile && sealedToken != null)
				? this.secrets.decrypt(sealedToken, purpose(session, "service-token")) : null;
		return new StepRun(credential.kind(), credential, reconcile, settlesAt, now, session.getOfferingInput(),
				session.getIntegrationInput(), session.getAccountInput(), session.getOfferingUuid(),
				session.getUserUuid(), heldToken, session.getKeepTokenSeconds(), waldur);
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

	private void change(long id, @Nullable Long version, Viewer viewer, Edit update) {
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

	/** Encrypts a fetched service-account token for storing on {@code session}. */
	private UnaryOperator<String> sealer(OnboardingSession session) {
		return (token) -> this.secrets.encrypt(token, purpose(session, "service-token"));
	}

	private record Claim(int attemptNo, @Nullable Instant startedAt, StepRun run) {
	}

	/** An edit of a session's inputs or hand-over, saved in its own transaction. */
	@FunctionalInterface
	private interface Edit {

		void apply(OnboardingSession session, Instant now);

	}

}
