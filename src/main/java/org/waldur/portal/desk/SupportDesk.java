package org.waldur.portal.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingAccessDeniedException;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Account;
import org.waldur.portal.security.AccountManagement;
import org.waldur.portal.security.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What support staff do with one onboarding: read its timeline, reconcile the stuck step
 * with Waldur, hand it over with a note, add notes and abandon it. Support may act on
 * every onboarding, operators on their own, auditors on none.
 */
@Service
public class SupportDesk {

	/** The longest note, hand-over note or abandon reason. */
	public static final int MAX_NOTE = 1000;

	private final Onboarding onboarding;

	private final DeskNotes notes;

	private final AccountManagement accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SupportDesk(Onboarding onboarding, DeskNotes notes, AccountManagement accounts, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.onboarding = onboarding;
		this.notes = notes;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Step attempts and notes of the session, oldest first. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(long id, Viewer viewer) {
		List<TimelineEntry> entries = new ArrayList<>();
		this.onboarding.attempts(id, viewer).forEach((attempt) -> entries.add(TimelineEntry.of(attempt)));
		this.notes.forSession(id).forEach((note) -> entries.add(TimelineEntry.of(note)));
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	/**
	 * The first wizard step that failed or whose outcome is unknown, or else a token
	 * refresh whose outcome is unknown; {@code null} when none.
	 */
	public @Nullable OnboardingStep stuckStep(OnboardingSession session) {
		return Stream.concat(OnboardingStep.wizard().stream(), Stream.of(OnboardingStep.TOKEN_REFRESH))
			.filter((step) -> {
				StepStatus status = session.step(step).getStatus();
				return (step.inWizard() && status == StepStatus.FAILED) || status == StepStatus.NEEDS_RECONCILIATION;
			})
			.findFirst()
			.orElse(null);
	}

	/**
	 * Runs the stuck step again, as confirmed on the desk's preview: the run first looks
	 * Waldur up and adopts what an earlier attempt created.
	 * @param fingerprint the fingerprint of the previewed request
	 * @throws StepNotRunnableException when no step is stuck, the page is out of date or
	 * the request changed since it was reviewed
	 */
	public StepAttempt reconcile(long id, long version, String fingerprint, Viewer viewer) {
		OnboardingSession session = changeable(id, viewer);
		OnboardingStep step = stuckStep(session);
		if (step == null) {
			throw new StepNotRunnableException("No step of this onboarding failed or waits for reconciliation.");
		}
		return this.onboarding.run(id, step, version, fingerprint, viewer);
	}

	/**
	 * Hands the onboarding to {@code assignee}, which must be a support or operator
	 * account.
	 */
	public void handOver(long id, String assignee, @Nullable String note, Viewer viewer) {
		changeable(id, viewer);
		if (!assignee.equals(viewer.username()) && !handOverCandidates().contains(assignee)) {
			throw new DeskRejectedException("Choose an enabled support or operator account to hand over to.");
		}
		this.onboarding.assign(id, assignee, checked(note, !assignee.equals(viewer.username())), viewer);
	}

	/** Gives the onboarding up with a reason. */
	public void abandon(long id, long version, @Nullable String reason, Viewer viewer) {
		changeable(id, viewer);
		this.onboarding.abandon(id, version, checked(reason, true), viewer);
	}

	/** Adds a note to the timeline. */
	@Transactional
	public void addNote(long id, @Nullable String note, Viewer viewer) {
		changeable(id, viewer);
		String text = checked(note, true);
		this.notes.add(id, NoteKind.NOTE, viewer.username(), null, text, this.clock.instant());
		this.events.publishEvent(new DeskEvents.NoteAdded(id, viewer.username(), text));
	}

	/** Enabled accounts an onboarding can be handed to, by name. */
	public List<String> handOverCandidates() {
		return this.accounts.list()
			.stream()
			.filter(Account::isEnabled)
			.filter((account) -> account.getRoles().contains(Role.SUPPORT)
					|| account.getRoles().contains(Role.OPERATOR))
			.map(Account::getUsername)
			.toList();
	}

	private OnboardingSession changeable(long id, Viewer viewer) {
		OnboardingSession session = this.onboarding.get(id, viewer);
		if (!viewer.mayChange(session)) {
			throw new OnboardingAccessDeniedException(
					"You may look at this onboarding but not change it. Support staff or its operator can.");
		}
		return session;
	}

	private static String checked(@Nullable String text, boolean required) {
		String stripped = (text != null) ? text.strip() : "";
		if (required && stripped.isEmpty()) {
			throw new DeskRejectedException("Write a note of up to " + MAX_NOTE + " characters.");
		}
		if (stripped.length() > MAX_NOTE) {
			throw new DeskRejectedException("Keep the note under " + MAX_NOTE + " characters.");
		}
		return stripped;
	}

}
