package org.waldur.portal.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.waldur.portal.waldur.AgentIdentity;
import org.waldur.portal.waldur.AgentProcessor;
import org.waldur.portal.waldur.AgentService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Site agent is running" check on what Waldur reports: green for a current agent
 * whose processors ran within the hour, amber for a stale processor, a failing service or
 * an agent older than the Waldur in use allows.
 */
class AgentRunningFindingTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final AgentRunningProbe probe = new AgentRunningProbe(null, Clock.fixed(NOW, ZoneOffset.UTC),
			new AgentProperties("1.0.0"));

	@Test
	void aCurrentAgentWithRecentProcessorsPassesAndShowsWhatItRuns() {
		Finding finding = this.probe.finding(identity("1.0.8"), List.of(service("Active", Duration.ofMinutes(3))));
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.PASSED);
		assertThat(finding.detail()).contains("version 1.0.8")
			.contains("last restarted 2026-12-01 11:00 UTC")
			.contains("order_process: Active, last change")
			.contains("Processor slurm (SLURM 23.11), last run 2026-12-01 11:57 UTC");
	}

	@Test
	void aProcessorIdleForOverAnHourWarns() {
		Finding finding = this.probe.finding(identity("1.0.8"), List.of(service("Active", Duration.ofMinutes(61))));
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.WARNING);
		assertThat(finding.detail()).contains("processor slurm has not run for over an hour");
	}

	@Test
	void anAgentOlderThanTheMinimumWarns() {
		Finding finding = this.probe.finding(identity("0.9.4"), List.of(service("Active", Duration.ofMinutes(3))));
		assertThat(finding.outcome()).isEqualTo(CheckOutcome.WARNING);
		assertThat(finding.detail()).contains("0.9.4 is older than 1.0.0");
	}

	@Test
	void aServiceInErrorOrNoServiceWarns() {
		assertThat(this.probe.finding(identity("1.0.8"), List.of(service("Error", Duration.ofMinutes(1)))).outcome())
			.isEqualTo(CheckOutcome.WARNING);
		assertThat(this.probe.finding(identity("1.0.8"), List.of()).detail()).contains("no service is registered");
	}

	@Test
	void versionsCompareNumberByNumber() {
		assertThat(AgentRunningProbe.compareVersions("1.0.10", "1.0.9")).isPositive();
		assertThat(AgentRunningProbe.compareVersions("v1.0", "1.0.0")).isZero();
		assertThat(AgentRunningProbe.compareVersions("0.9.0rc1", "1.0.0")).isNegative();
	}

	private static AgentIdentity identity(String version) {
		return new AgentIdentity("id", "offering", "agent-offering", version, at(Duration.ofHours(1)),
				at(Duration.ZERO), null);
	}

	private static AgentService service(String state, Duration sinceRun) {
		return new AgentService("s", "agent-order_process", "order_process", state, at(Duration.ofMinutes(30)),
				List.of(new AgentProcessor("p", "slurm", "SLURM", "23.11", at(sinceRun))));
	}

	private static OffsetDateTime at(Duration ago) {
		return NOW.minus(ago).atOffset(ZoneOffset.UTC);
	}

}
