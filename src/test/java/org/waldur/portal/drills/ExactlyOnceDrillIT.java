package org.waldur.portal.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once drill against Waldur's real timing: for each changing call (create
 * offering, update integration, activate, create user, add role, refresh token) and each
 * of (a) a call that lands after the client gave up, with the retry pressed at once and
 * again every 2 s, (b) applied then 504, (c) 500 then retry — Waldur ends with exactly
 * one offering, one user and one role, and the portal holds the token Waldur accepts.
 * Writes {@code target/drills/exactly-once.md}.
 */
@Tag("drill")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.waldur.read-timeout=1s", "portal.waldur.settle-time=5s" })
class ExactlyOnceDrillIT {

	/** Past the read time-out, within the settle time. */
	static final Duration LATE = Duration.ofSeconds(3);

	static final Duration PRESS_EVERY = Duration.ofSeconds(2);

	static final Map<OnboardingStep, String> CHANGES = new LinkedHashMap<>();

	static {
		CHANGES.put(OnboardingStep.OFFERING, "marketplace-provider-offerings/");
		CHANGES.put(OnboardingStep.INTEGRATION, "*/update_integration/");
		CHANGES.put(OnboardingStep.ACTIVATION, "*/activate/");
		CHANGES.put(OnboardingStep.SERVICE_ACCOUNT, "users/");
		CHANGES.put(OnboardingStep.MANAGER_ROLE, "*/add_user/");
		CHANGES.put(OnboardingStep.TOKEN_REFRESH, "users/*/refresh_token/");
	}

	static final List<String> FAULTS = List.of("late", "applied-then-504", "500-then-retry");

	@Autowired
	Onboarding onboarding;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	WaldurClient waldur;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	OnboardingDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new OnboardingDriver(this.onboarding, this.seed, this.port);
	}

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	@Test
	void everyChangeLandsExactlyOnceAndTheHeldTokenWorks() throws Exception {
		List<String> rows = new ArrayList<>();
		long duplicates = 0;
		long staleTokens = 0;
		int cell = 0;
		for (Map.Entry<OnboardingStep, String> change : CHANGES.entrySet()) {
			for (String fault : FAULTS) {
				cell++;
				Cell result = runCell(cell, change.getKey(), change.getValue(), fault);
				this.faults.clear();
				duplicates += result.duplicates();
				staleTokens += result.staleToken() ? 1 : 0;
				rows.add("| %s | %s | %s | %d | %d | %d | %d | %s |".formatted(change.getKey(), fault,
						String.join(" → ", result.outcomes()), result.offerings(), result.users(), result.roles(),
						result.presses(), result.staleToken() ? "**stale**" : "valid"));
			}
		}
		StringBuilder md = new StringBuilder("# Exactly once against late answers\n\n");
		md.append("Read time-out 1 s, settle time 5 s; a late call lands 3 s after it was sent. Outcomes: the first "
				+ "attempt, then each press of the retry or check (pressed at once and every 2 s), then the rest "
				+ "of the wizard. Counts are what Waldur (the sandbox) holds afterwards.\n\n");
		md.append("| Change | Fault | Attempts | Offerings | Users | Roles | Presses | Held token |\n");
		md.append("|---|---|---|---|---|---|---|---|\n");
		rows.forEach((row) -> md.append(row).append('\n'));
		md.append("\n**Cells: ").append(rows.size()).append("; duplicates: ").append(duplicates);
		md.append("; stale tokens: ").append(staleTokens).append(".**\n");
		DrillFiles.write("exactly-once.md", md.toString());
		assertThat(duplicates).isZero();
		assertThat(staleTokens).isZero();
	}

	private Cell runCell(int cell, OnboardingStep step, String path, String fault) throws Exception {
		String name = "Once " + cell;
		String username = "once_agent_" + cell;
		long id = this.driver.prepared(name, username, OnboardingDriver.OPERATOR);
		List<OnboardingStep> before = (step == OnboardingStep.TOKEN_REFRESH) ? OnboardingStep.wizard()
				: step.prerequisites();
		for (OnboardingStep earlier : before) {
			assertThat(this.driver.run(id, earlier, OnboardingDriver.OPERATOR).getOutcome().isSuccess()).isTrue();
		}
		switch (fault) {
			case "late" -> this.faults.delay("POST", path, LATE, 1);
			case "applied-then-504" -> this.faults.applyThenFail("POST", path, 504, 1);
			default -> this.faults.failWith("POST", path, 500, 1);
		}
		List<String> outcomes = new ArrayList<>();
		StepAttempt attempt = this.driver.run(id, step, OnboardingDriver.OPERATOR);
		outcomes.add(attempt.getOutcome().name());
		this.faults.clear();
		int presses = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.onboarding.get(id, OnboardingDriver.SUPPORT).step(step).mustReconcile()
				&& System.nanoTime() < deadline) {
			attempt = this.driver.run(id, step, OnboardingDriver.SUPPORT);
			presses++;
			outcomes.add(attempt.getOutcome().name());
			if (attempt.getOutcome() == AttemptOutcome.PENDING) {
				Thread.sleep(PRESS_EVERY.toMillis());
			}
		}
		if (step == OnboardingStep.TOKEN_REFRESH && attempt.getOutcome() == AttemptOutcome.NOT_APPLIED) {
			// Not applied: the operator confirms a new refresh.
			attempt = this.driver.run(id, step, OnboardingDriver.SUPPORT);
			outcomes.add(attempt.getOutcome().name());
		}
		if (step != OnboardingStep.TOKEN_REFRESH
				&& !this.onboarding.get(id, OnboardingDriver.SUPPORT).step(step).getStatus().name().equals("DONE")) {
			attempt = this.driver.runSettled(id, step, OnboardingDriver.SUPPORT);
			outcomes.add(attempt.getOutcome().name());
		}
		assertThat(this.driver.complete(id, OnboardingDriver.SUPPORT).getStatus()).as("%s %s", step, fault)
			.isEqualTo(OnboardingStatus.COMPLETED);
		long offerings = count("select count(*) from sandbox_offering where name = ?", name);
		long users = count("select count(*) from sandbox_user where username = ?", username);
		long roles = count("select count(*) from sandbox_offering_role r join sandbox_offering o "
				+ "on o.uuid = r.offering_uuid where o.name = ?", name);
		boolean stale;
		try {
			String held = this.onboarding.useServiceToken(id, OnboardingDriver.SUPPORT, (token) -> token);
			stale = !username.equals(this.waldur.currentUser(WaldurCredential.serviceAccount(held)).value().username());
		}
		catch (WaldurException ex) {
			stale = true;
		}
		long duplicates = Math.max(0, offerings - 1) + Math.max(0, users - 1) + Math.max(0, roles - 1);
		return new Cell(outcomes, offerings, users, roles, presses, duplicates, stale);
	}

	private long count(String sql, String value) {
		return this.jdbc.sql(sql).param(value).query(Long.class).single();
	}

	record Cell(List<String> outcomes, long offerings, long users, long roles, int presses, long duplicates,
			boolean staleToken) {
	}

}
