package org.waldur.portal.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk query: filters, paging to the last page and past it, empty results, sorting,
 * counts per status and what each role sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // shares the context of the other page tests
class DeskSearchTests {

	static final Viewer SUPPORT = new Viewer("support", Set.of(Role.SUPPORT));

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	DeskSearch search;

	@Autowired
	Onboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	DeskSeed seed;

	List<Long> ids = new ArrayList<>();

	@BeforeEach
	void seed() {
		this.seed = new DeskSeed(this.jdbc);
		OnboardingStatus[] statuses = { OnboardingStatus.NEEDS_ATTENTION, OnboardingStatus.COMPLETED,
				OnboardingStatus.DRAFT, OnboardingStatus.IN_PROGRESS, OnboardingStatus.NEEDS_ATTENTION };
		for (int i = 0; i < 53; i++) {
			OnboardingStatus status = statuses[i % statuses.length];
			OnboardingStep step = (i % 2 == 0) ? OnboardingStep.SERVICE_ACCOUNT : OnboardingStep.ACTIVATION;
			String creator = (i % 3 == 0) ? "op-a" : "op-b";
			Instant created = T0.plus(Duration.ofDays(i));
			this.ids.add(this.seed.session("Cluster %02d".formatted(i), status, step, creator,
					(i == 4) ? "op-a" : creator, created, created.plusSeconds(3600), "abc%02ddef".formatted(i),
					"cluster_%02d_agent".formatted(i)));
		}
	}

	@Test
	void pagesToTheLastPageAndClampsBeyondIt() {
		DeskPage first = page(this.seed.filter(), 1, 25);
		assertThat(first.total()).isEqualTo(53);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.rows()).hasSize(25);
		assertThat(first.rows().get(0).title()).isEqualTo("Cluster 52");
		DeskPage last = page(this.seed.filter(), 3, 25);
		assertThat(last.rows()).extracting(DeskRow::title).containsExactly("Cluster 02", "Cluster 01", "Cluster 00");
		assertThat(last.hasNext()).isFalse();
		assertThat(last.firstRow()).isEqualTo(51);
		assertThat(last.lastRow()).isEqualTo(53);
		DeskPage beyond = page(this.seed.filter(), 99, 25);
		assertThat(beyond.page()).isEqualTo(3);
		assertThat(beyond.rows()).hasSize(3);
		Set<Long> seen = new HashSet<>();
		for (int p = 1; p <= 3; p++) {
			page(this.seed.filter(), p, 25).rows().forEach((row) -> seen.add(row.id()));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(this.ids);
		List<String> paged = new ArrayList<>();
		for (int p = 1; p <= 6; p++) {
			page(this.seed.filter(), p, 10).rows().forEach((row) -> paged.add(row.title()));
		}
		assertThat(paged).isEqualTo(titles(this.seed.filter()));
	}

	@Test
	void countsEveryStatusForTheOtherFilters() {
		DeskFilter attention = this.seed.filter().withStatus(OnboardingStatus.NEEDS_ATTENTION);
		DeskPage page = page(attention, 1, 100);
		assertThat(page.total()).isEqualTo(21);
		assertThat(page.rows()).allMatch(DeskRow::needsAttention).hasSize(21);
		assertThat(page.counts()).containsEntry(OnboardingStatus.NEEDS_ATTENTION, 21L)
			.containsEntry(OnboardingStatus.COMPLETED, 11L)
			.containsEntry(OnboardingStatus.DRAFT, 11L)
			.containsEntry(OnboardingStatus.IN_PROGRESS, 10L)
			.containsEntry(OnboardingStatus.ABANDONED, 0L);
	}

	@Test
	void filtersByStepCreatorAssigneeAndDates() {
		DeskFilter base = this.seed.filter();
		assertThat(titles(new DeskFilter(null, OnboardingStep.ACTIVATION, false, "op-a", null, this.seed.customerUuid,
				null, null, null)))
			.containsExactly("Cluster 51", "Cluster 45", "Cluster 39", "Cluster 33", "Cluster 27", "Cluster 21",
					"Cluster 15", "Cluster 09", "Cluster 03");
		assertThat(titles(new DeskFilter(null, null, false, null, "op-a", base.customer(), null, null, null)))
			.hasSize(19)
			.contains("Cluster 04");
		LocalDate day = LocalDate.of(2026, 3, 11);
		assertThat(titles(new DeskFilter(null, null, false, null, null, base.customer(), day, day.plusDays(2), null)))
			.containsExactly("Cluster 12", "Cluster 11", "Cluster 10");
		assertThat(page(
				new DeskFilter(null, null, false, null, null, this.seed.customerName.toLowerCase(), null, null, null),
				1, 100)
			.total()).isEqualTo(53);
	}

	@Test
	void freeTextMatchesNameAnywhereAndUuidOrUsernameFromTheStart() {
		assertThat(titles(text("cluster 4"))).hasSize(10);
		assertThat(titles(text("abc07"))).containsExactly("Cluster 07");
		assertThat(titles(text("cluster_13_"))).containsExactly("Cluster 13");
		assertThat(titles(text("07def"))).isEmpty();
		assertThat(titles(text("%"))).isEmpty();
		DeskPage none = page(text("no such offering"), 1, 25);
		assertThat(none.total()).isZero();
		assertThat(none.rows()).isEmpty();
		assertThat(none.page()).isEqualTo(1);
		assertThat(none.totalPages()).isEqualTo(1);
		assertThat(none.counts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void interruptedRunsAreMovedToNeedsAttentionAndListedThere() {
		long stuck = this.seed.session("Interrupted run", OnboardingStatus.IN_PROGRESS, OnboardingStep.ACTIVATION,
				"op-a", "op-a", T0, T0, null, null);
		this.seed.runningStep(stuck, OnboardingStep.ACTIVATION, Instant.now().minus(Duration.ofHours(2)));
		long running = this.seed.session("Running now", OnboardingStatus.IN_PROGRESS, OnboardingStep.ACTIVATION, "op-a",
				"op-a", T0, T0, null, null);
		this.seed.runningStep(running, OnboardingStep.ACTIVATION, Instant.now());
		DeskFilter attention = new DeskFilter(null, null, true, null, null, this.seed.customerUuid, null, null, null);
		try {
			assertThat(page(attention, 1, 100).rows()).extracting(DeskRow::title).doesNotContain("Interrupted run");
			assertThat(this.onboarding.interruptStaleRuns()).isEqualTo(1);
			DeskPage page = page(attention, 1, 100);
			assertThat(page.total()).isEqualTo(22);
			assertThat(page.rows()).extracting(DeskRow::title)
				.contains("Interrupted run")
				.doesNotContain("Running now");
			assertThat(page.counts()).containsEntry(OnboardingStatus.NEEDS_ATTENTION, 22L)
				.containsEntry(OnboardingStatus.COMPLETED, 0L);
			assertThat(this.onboarding.needingAttention()).extracting(OnboardingSession::getId).contains(stuck);
		}
		finally {
			// Leave later sweeps of this context no run to move.
			this.jdbc.sql("update onboarding_step set status = 'FAILED' where session_id = ?").param(running).update();
		}
	}

	@Test
	void sortsByTitleAndStatusInBothDirections() {
		assertThat(this.search.search(new DeskQuery(this.seed.filter(), 1, 3, DeskSort.TITLE, true), SUPPORT).rows())
			.extracting(DeskRow::title)
			.containsExactly("Cluster 00", "Cluster 01", "Cluster 02");
		assertThat(this.search.search(new DeskQuery(this.seed.filter(), 1, 2, DeskSort.CREATED, true), SUPPORT).rows())
			.extracting(DeskRow::title)
			.containsExactly("Cluster 00", "Cluster 01");
		assertThat(this.search.search(new DeskQuery(this.seed.filter(), 1, 100, DeskSort.STATUS, true), SUPPORT)
			.rows()
			.get(0)
			.status()).isEqualTo(OnboardingStatus.COMPLETED);
	}

	@Test
	void operatorsSeeOnlyWhatTheyStartedOrAreAssignedTo() {
		Viewer operator = new Viewer("op-a", Set.of(Role.OPERATOR));
		DeskPage own = this.search.search(new DeskQuery(this.seed.filter(), 1, 100, DeskSort.UPDATED, false), operator);
		assertThat(own.total()).isEqualTo(19);
		assertThat(own.rows()).allMatch((row) -> row.createdBy().equals("op-a") || "op-a".equals(row.assignee()));
		assertThat(own.rows()).extracting(DeskRow::title).contains("Cluster 04");
		Viewer auditor = new Viewer("auditor", Set.of(Role.AUDITOR));
		assertThat(this.search.search(DeskQuery.of(this.seed.filter()), auditor).total()).isEqualTo(53);
		Viewer stranger = new Viewer("op-z", Set.of(Role.OPERATOR));
		assertThat(this.search.search(DeskQuery.of(this.seed.filter()), stranger).total()).isZero();
	}

	private DeskFilter text(String text) {
		return new DeskFilter(null, null, false, null, null, this.seed.customerUuid, null, null, text);
	}

	private List<String> titles(DeskFilter filter) {
		return page(filter, 1, 100).rows().stream().map(DeskRow::title).toList();
	}

	private DeskPage page(DeskFilter filter, int page, int size) {
		return this.search.search(new DeskQuery(filter, page, size, DeskSort.UPDATED, false), SUPPORT);
	}

}
