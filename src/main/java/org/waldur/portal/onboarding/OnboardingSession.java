package org.waldur.portal.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * One onboarding of a SLURM cluster: the inputs of each step, the Waldur identifiers
 * gathered so far, the state of each step and who works on it. Every change goes through
 * methods that check the current state.
 */
@Entity
@Table(name = "onboarding_session")
public class OnboardingSession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String title;

	@Enumerated(EnumType.STRING)
	private OnboardingStatus status = OnboardingStatus.DRAFT;

	@Enumerated(EnumType.STRING)
	private OnboardingStep currentStep = OnboardingStep.OFFERING;

	private String createdBy;

	private @Nullable String assignee;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant completedAt;

	private @Nullable String abandonedReason;

	@Convert(converter = JsonColumn.Offering.class)
	private @Nullable OfferingInput offeringInput;

	@Convert(converter = JsonColumn.Integration.class)
	private @Nullable IntegrationInput integrationInput;

	@Convert(converter = JsonColumn.Account.class)
	private @Nullable AccountInput accountInput;

	private @Nullable String ownerTokenSecret;

	// Hibernate leaves an embedded value null when all its columns are: read them through
	// offering(), account() and token(). Each session holds its own instances (a merge
	// may copy into them), never the shared NONE.
	@Embedded
	private @Nullable WaldurOffering waldurOffering = new WaldurOffering();

	@Embedded
	private @Nullable ServiceAccount serviceAccount = new ServiceAccount();

	@Embedded
	private @Nullable ServiceToken serviceToken = ServiceToken.none();

	private @Nullable Instant agentSeenAt;

	@Convert(converter = JsonColumn.Candidates.class)
	private OfferingCandidate @Nullable [] offeringCandidates;

	private boolean offeringChoicePending;

	private @Nullable String waldurVersion;

	@Version
	private long version;

	// Batches, not a sub-select: a sub-select repeats the parent query without its limit,
	// so the 20 sessions of a home page would load the steps of every matching session.
	@OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@BatchSize(size = 64)
	private List<StepExecution> steps = new ArrayList<>();

	protected OnboardingSession() {
		this.title = "";
		this.createdBy = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	OnboardingSession(String actor, Instant now) {
		this(actor, now, "New onboarding");
	}

	OnboardingSession(String actor, Instant now, String name) {
		this.title = name;
		this.createdBy = actor;
		this.assignee = actor;
		this.createdAt = now;
		this.updatedAt = now;
		for (OnboardingStep step : OnboardingStep.values()) {
			this.steps.add(new StepExecution(this, step));
		}
	}

	// Reading

	public @Nullable Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public OnboardingStatus getStatus() {
		return this.status;
	}

	public OnboardingStep getCurrentStep() {
		return this.currentStep;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public @Nullable String getAssignee() {
		return this.assignee;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant getCompletedAt() {
		return this.completedAt;
	}

	public @Nullable String getAbandonedReason() {
		return this.abandonedReason;
	}

	public @Nullable OfferingInput getOfferingInput() {
		return this.offeringInput;
	}

	public @Nullable IntegrationInput getIntegrationInput() {
		return this.integrationInput;
	}

	public @Nullable AccountInput getAccountInput() {
		return this.accountInput;
	}

	public boolean hasOwnerToken() {
		return this.ownerTokenSecret != null;
	}

	@Nullable String getOwnerTokenSecret() {
		return this.ownerTokenSecret;
	}

	/** The provider organisation chosen on the offering step, as a column for filters. */
	public @Nullable String getCustomerUuid() {
		return offering().getCustomerUuid();
	}

	public @Nullable String getCustomerName() {
		return offering().getCustomerName();
	}

	public @Nullable String getOfferingUuid() {
		return offering().getOfferingUuid();
	}

	public @Nullable String getOfferingUrl() {
		return offering().getOfferingUrl();
	}

	public @Nullable String getOfferingState() {
		return offering().getOfferingState();
	}

	public List<String> getPlanUuids() {
		return offering().getPlanUuids();
	}

	public List<String> getComponentUuids() {
		return offering().getComponentUuids();
	}

	public @Nullable String getUserUuid() {
		return account().getUserUuid();
	}

	public @Nullable String getUserUrl() {
		return account().getUserUrl();
	}

	public @Nullable String getUsername() {
		return account().getUsername();
	}

	public boolean hasServiceToken() {
		return token().exists();
	}

	@Nullable String getServiceTokenSecret() {
		return token().getSecret();
	}

	public @Nullable Instant getServiceTokenCreated() {
		return token().getCreated();
	}

	public @Nullable Integer getServiceTokenLifetime() {
		return token().getLifetime();
	}

	/** The offering in Waldur and its organisation, as far as known. */
	public WaldurOffering offering() {
		return (this.waldurOffering != null) ? this.waldurOffering : WaldurOffering.NONE;
	}

	/** The service account in Waldur, once it exists. */
	public ServiceAccount account() {
		return (this.serviceAccount != null) ? this.serviceAccount : ServiceAccount.NONE;
	}

	/** The service account's token and its lifetimes. */
	public ServiceToken token() {
		return (this.serviceToken != null) ? this.serviceToken : ServiceToken.none();
	}

	/**
	 * The token lifetime the operator chose for the keep-token step, in seconds;
	 * {@code null} (the default, as Waldur's agent guide recommends) for none.
	 */
	public @Nullable Integer getKeepTokenSeconds() {
		return token().getKeepTokenSeconds();
	}

	/**
	 * When a hand-over check first found the site agent registered in Waldur, or
	 * {@code null} if it never did.
	 */
	public @Nullable Instant getAgentSeenAt() {
		return this.agentSeenAt;
	}

	/** Whether the service token was already shown once after it was fetched. */
	public boolean isServiceTokenDisplayed() {
		return token().isDisplayed();
	}

	/**
	 * The Waldur version the onboarding last ran a step against
	 * ({@code GET /api/version/}), or {@code null} when Waldur did not tell.
	 */
	public @Nullable String getWaldurVersion() {
		return this.waldurVersion;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * The offerings Waldur held under this onboarding's name when more than one was
	 * found, oldest first; empty when that never happened.
	 */
	public List<OfferingCandidate> getOfferingCandidates() {
		return (this.offeringCandidates != null) ? List.of(this.offeringCandidates) : List.of();
	}

	/**
	 * Whether the onboarding waits for support to choose which of its
	 * {@link #getOfferingCandidates() candidates} it keeps.
	 */
	public boolean awaitsOfferingChoice() {
		return this.offeringChoicePending && this.status.isOpen()
				&& step(OnboardingStep.OFFERING).getStatus() == StepStatus.FAILED;
	}

	/**
	 * The candidates the onboarding does not use, left in Waldur for someone to clean up;
	 * empty while the choice is still to be made.
	 */
	public List<OfferingCandidate> offeringsLeftInWaldur() {
		if (awaitsOfferingChoice()) {
			return List.of();
		}
		return getOfferingCandidates().stream()
			.filter((candidate) -> !candidate.uuid().equals(getOfferingUuid()))
			.toList();
	}

	/** The steps of the wizard in order (without the token refresh). */
	public List<StepExecution> getSteps() {
		return this.steps.stream()
			.filter((execution) -> execution.getStep().inWizard())
			.sorted(Comparator.comparing(StepExecution::getStep))
			.toList();
	}

	public StepExecution step(OnboardingStep step) {
		return this.steps.stream()
			.filter((execution) -> execution.getStep() == step)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Session has no step " + step));
	}

	/**
	 * Whether the inputs of {@code step} can still be edited (not applied, not running).
	 */
	public boolean isEditable(OnboardingStep step) {
		StepStatus status = step(step).getStatus();
		return this.status.isOpen() && (status == StepStatus.TODO || status == StepStatus.FAILED);
	}

	/**
	 * Whether {@code step} may run now: open session, earlier steps done, this one not. A
	 * token refresh may run on a completed session at any time.
	 */
	/**
	 * Whether this is a draft nothing of which has reached Waldur: no step was ever sent,
	 * so it can be deleted instead of abandoned.
	 */
	public boolean isDeletableDraft() {
		return this.status == OnboardingStatus.DRAFT && !offering().exists() && !account().exists()
				&& this.steps.stream().allMatch((execution) -> execution.getStatus() == StepStatus.TODO);
	}

	public boolean canRun(OnboardingStep step) {
		if (step == OnboardingStep.SERVICE_PROVIDER) {
			// Before the offering exists, for the organisation chosen on its step.
			return this.status.isOpen() && this.offeringInput != null && !step(OnboardingStep.OFFERING).isDone();
		}
		if (!step.inWizard()) {
			return isCompleted();
		}
		if (step == OnboardingStep.KEEP_TOKEN && isCompleted()) {
			// Onboardings completed before this step existed may still run it.
			return !step(step).isDone() && step(OnboardingStep.TOKEN).isDone();
		}
		return this.status.isOpen() && !step(step).isDone()
				&& step.prerequisites().stream().allMatch((earlier) -> step(earlier).isDone());
	}

	/**
	 * Whether every wizard step is done: the offering is active and the service account
	 * has its token. Such an onboarding may still need attention for a token refresh
	 * whose outcome is not known yet.
	 */
	public boolean isCompleted() {
		return this.completedAt != null && this.status != OnboardingStatus.ABANDONED;
	}

	public boolean isVisibleTo(String user, boolean seesAll) {
		return seesAll || this.createdBy.equals(user) || user.equals(this.assignee);
	}

	// Changing

	void editOffering(OfferingInput input, @Nullable String ownerTokenSecret, boolean replaceOwnerToken, Instant now) {
		requireEditable(OnboardingStep.OFFERING);
		if (this.offeringInput != null && (!this.offeringInput.name().equals(input.name())
				|| !this.offeringInput.customerUuid().equals(input.customerUuid()))) {
			// The candidates carry the old name: none of them is this offering any more.
			this.offeringChoicePending = false;
		}
		this.offeringInput = input;
		this.title = input.name();
		this.waldurOffering = offering().forCustomer(input.customerUuid(), input.customerName());
		if (replaceOwnerToken) {
			this.ownerTokenSecret = ownerTokenSecret;
		}
		touch(now);
	}

	/** Records the Waldur version a step is about to run against, when known. */
	void recordWaldurVersion(@Nullable String version) {
		if (version != null) {
			this.waldurVersion = version;
		}
	}

	void editIntegration(IntegrationInput input, Instant now) {
		requireEditable(OnboardingStep.INTEGRATION);
		this.integrationInput = input;
		touch(now);
	}

	void editKeepToken(@Nullable Integer seconds, Instant now) {
		requireEditable(OnboardingStep.KEEP_TOKEN);
		this.serviceToken = token().keepingFor(seconds);
		touch(now);
	}

	void recordTokenLifetime(@Nullable Integer seconds, Instant now) {
		this.serviceToken = token().withLifetime(seconds);
		touch(now);
	}

	void recordAgentSeen(Instant when) {
		if (this.agentSeenAt == null) {
			this.agentSeenAt = when;
		}
	}

	void editAccount(AccountInput input, Instant now) {
		requireEditable(OnboardingStep.SERVICE_ACCOUNT);
		this.accountInput = input;
		touch(now);
	}

	/**
	 * Marks {@code step} running for {@code actor}; returns whether the run must first
	 * reconcile with Waldur because an earlier attempt's outcome is unknown.
	 * @throws StepNotRunnableException when the step cannot run now
	 */
	boolean startStep(OnboardingStep step, String actor, String instance, Instant now) {
		StepExecution execution = step(step);
		if (execution.isRunning()) {
			throw new StepNotRunnableException("This step is already running: started by " + execution.getRunningBy()
					+ ". Wait for it to finish, then reload the page.");
		}
		if (execution.isDone() && step.inWizard()) {
			throw new StepNotRunnableException("This step is already done.");
		}
		if (!canRun(step)) {
			throw new StepNotRunnableException(this.status.isOpen() ? "Earlier steps must be done first."
					: "This onboarding is " + this.status.label().toLowerCase() + ".");
		}
		boolean reconcile = execution.start(actor, instance, now);
		touch(now);
		return reconcile;
	}

	/**
	 * Records how a run of {@code step} ended (see
	 * {@link StepExecution#finish(AttemptOutcome, String, Instant, boolean, Instant)});
	 * when it was the last wizard step to get done, the onboarding is complete from
	 * {@code now}.
	 * @return whether this run completed the onboarding
	 */
	boolean finishStep(OnboardingStep step, AttemptOutcome outcome, String message, Instant now, boolean uncertain,
			@Nullable Instant settlesAt) {
		boolean wasCompleted = this.status == OnboardingStatus.COMPLETED;
		step(step).finish(outcome, message, now, uncertain, settlesAt);
		recompute(now);
		return step.inWizard() && !wasCompleted && this.status == OnboardingStatus.COMPLETED;
	}

	/** The steps still marked running since before {@code cutoff}. */
	List<StepExecution> runningSince(Instant cutoff) {
		return this.steps.stream().filter((execution) -> execution.isRunningSince(cutoff)).toList();
	}

	/**
	 * Marks an interrupted run of {@code step} for reconciliation (see
	 * {@link StepExecution#interrupt(Instant, Instant)}).
	 */
	void interrupt(OnboardingStep step, Instant now, Instant settlesAt) {
		step(step).interrupt(now, settlesAt);
		recompute(now);
	}

	void stopForDecision(OnboardingStep step, String message, Instant now) {
		step(step).needsDecision(message, now);
		recompute(now);
	}

	/**
	 * Stores the offerings found under this onboarding's name; support must choose the
	 * one it keeps.
	 */
	void awaitOfferingChoice(List<OfferingCandidate> candidates, Instant now) {
		this.offeringCandidates = candidates.stream()
			.sorted(Comparator.comparing(OfferingCandidate::created, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(OfferingCandidate::uuid))
			.toArray(OfferingCandidate[]::new);
		this.offeringChoicePending = true;
		touch(now);
	}

	/**
	 * Records support's choice among the candidates: the offering step is done with
	 * {@code message}.
	 * @throws StepNotRunnableException when no choice is awaited or {@code uuid} is not a
	 * candidate
	 */
	void chooseOffering(String uuid, String message, Instant now) {
		requireOfferingChoice(uuid);
		this.offeringChoicePending = false;
		step(OnboardingStep.OFFERING).chosen(message, now);
		recompute(now);
	}

	/**
	 * Checks that the onboarding waits for a choice and that {@code uuid} is one of its
	 * candidates.
	 * @throws StepNotRunnableException otherwise
	 */
	void requireOfferingChoice(String uuid) {
		if (!awaitsOfferingChoice()) {
			throw new StepNotRunnableException("This onboarding no longer waits for a choice of offering: "
					+ "it was made, the offering details changed, or the onboarding is "
					+ this.status.label().toLowerCase() + ". Reload the page to see where it stands.");
		}
		if (getOfferingCandidates().stream().noneMatch((candidate) -> candidate.uuid().equals(uuid))) {
			throw new StepNotRunnableException("Offering " + uuid + " is not one of the offerings Waldur held under "
					+ "this onboarding's name. Choose one of those listed.");
		}
	}

	/**
	 * Records what a step run learnt about Waldur, in the transaction that saves its
	 * attempt.
	 * @param seal encrypts a service-account token for storing
	 */
	void apply(StepResult result, UnaryOperator<String> seal, Instant now) {
		result.applyTo(this, seal, now);
	}

	/**
	 * Records the offering Waldur holds; a value Waldur did not give stays empty (SQL
	 * NULL), never the text "null".
	 */
	void recordOffering(String uuid, @Nullable String url, @Nullable String state, List<String> plans,
			List<String> components, Instant now) {
		this.offeringChoicePending = false;
		this.waldurOffering = offering().created(uuid, url, state, plans, components);
		touch(now);
	}

	void recordOfferingState(String state, Instant now) {
		this.waldurOffering = offering().inState(state);
		touch(now);
	}

	/** Records the service account Waldur holds; a value it did not give stays empty. */
	void recordUser(String uuid, @Nullable String url, @Nullable String username, Instant now) {
		this.serviceAccount = new ServiceAccount(uuid, url, username);
		touch(now);
	}

	void storeServiceToken(String secret, @Nullable Instant created, @Nullable Integer lifetime, Instant now) {
		this.serviceToken = token().fetched(secret, created, lifetime);
		touch(now);
	}

	void markServiceTokenDisplayed(Instant now) {
		this.serviceToken = token().displayed();
		touch(now);
	}

	void assignTo(String assignee, Instant now) {
		requireOpen();
		this.assignee = assignee;
		touch(now);
	}

	void abandon(String reason, Instant now) {
		requireOpen();
		this.status = OnboardingStatus.ABANDONED;
		this.abandonedReason = reason;
		touch(now);
	}

	private void recompute(Instant now) {
		if (this.status == OnboardingStatus.ABANDONED) {
			touch(now);
			return;
		}
		List<StepExecution> ordered = getSteps();
		boolean attention = ordered.stream()
			.anyMatch((s) -> s.getStatus() == StepStatus.FAILED || s.getStatus() == StepStatus.NEEDS_RECONCILIATION);
		boolean allDone = ordered.stream().allMatch(StepExecution::isDone);
		boolean refreshUncertain = this.steps.stream()
			.anyMatch((s) -> s.getStep() == OnboardingStep.TOKEN_REFRESH && s.mustReconcile());
		boolean anyDone = ordered.stream().anyMatch(StepExecution::isDone);
		this.currentStep = ordered.stream()
			.filter((s) -> !s.isDone())
			.map(StepExecution::getStep)
			.findFirst()
			.orElse(OnboardingStep.wizard().get(OnboardingStep.wizard().size() - 1));
		if (allDone) {
			// A token refresh whose outcome is unknown needs someone until it is checked.
			this.status = refreshUncertain ? OnboardingStatus.NEEDS_ATTENTION : OnboardingStatus.COMPLETED;
			if (this.completedAt == null) {
				this.completedAt = now;
			}
		}
		else if (attention) {
			this.status = OnboardingStatus.NEEDS_ATTENTION;
		}
		else {
			this.status = anyDone ? OnboardingStatus.IN_PROGRESS : OnboardingStatus.DRAFT;
		}
		touch(now);
	}

	private void requireEditable(OnboardingStep step) {
		if (!isEditable(step)) {
			throw new StepNotRunnableException("The " + step.title().toLowerCase()
					+ " step is already applied in Waldur or running; it can no longer be edited.");
		}
	}

	private void requireOpen() {
		if (!this.status.isOpen()) {
			throw new StepNotRunnableException("This onboarding is " + this.status.label().toLowerCase() + ".");
		}
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

}
