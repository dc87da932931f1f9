package org.waldur.portal.onboarding;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a page shows while an onboarding waits for support to choose which of several
 * same-named offerings in Waldur it keeps.
 *
 * @param name the offering name they share
 * @param candidates the offerings, oldest first
 * @param mayChoose whether the viewer may make the choice
 * @param keep the candidate the viewer picked and is asked to confirm, if any
 */
public record OfferingChoice(String name, List<OfferingCandidate> candidates, boolean mayChoose,
		@Nullable OfferingCandidate keep) {

	public OfferingChoice {
		candidates = List.copyOf(candidates);
	}

	/**
	 * The choice {@code session} waits for, with {@code keep} to confirm when it is one
	 * of the candidates and the viewer may choose; {@code null} when it waits for none.
	 */
	public static @Nullable OfferingChoice of(OnboardingSession session, Viewer viewer, @Nullable String keep) {
		OfferingInput input = session.getOfferingInput();
		if (!session.awaitsOfferingChoice() || input == null) {
			return null;
		}
		boolean mayChoose = viewer.mayChooseOffering();
		OfferingCandidate picked = session.getOfferingCandidates()
			.stream()
			.filter((candidate) -> mayChoose && candidate.uuid().equals(keep))
			.findFirst()
			.orElse(null);
		return new OfferingChoice(input.name(), session.getOfferingCandidates(), mayChoose, picked);
	}

	/** How many offerings share the name. */
	public int count() {
		return this.candidates.size();
	}

}
