package org.waldur.portal.drills;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.waldur.portal.onboarding.AccountInput;
import org.waldur.portal.onboarding.AttemptOutcome;
import org.waldur.portal.onboarding.IntegrationInput;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingDriver;
import org.waldur.portal.onboarding.OnboardingSession;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepAttempt;
import org.waldur.portal.onboarding.StepStatus;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Waldur down drill: with Waldur unreachable the portal starts, its pages render, health
 * reports Waldur down, running a step says so clearly, and nothing is marked done.
 */
@SpringBootTest(properties = { "portal.waldur.staff-token=drill-staff-token-not-a-secret",
		"portal.waldur.connect-timeout=200ms", "portal.waldur.read-timeout=500ms" })
@AutoConfigureMockMvc
class WaldurDownDrillTests {

	static final Viewer OPERATOR = new Viewer("operator", java.util.Set.of(Role.OPERATOR));

	static final String UUID_A = "0123456789abcdef0123456789abcdef";

	static final String UUID_B = "fedcba9876543210fedcba9876543210";

	static final String API = "http://127.0.0.1:" + closedPort() + "/api/";

	@Autowired
	MockMvc mvc;

	@Autowired
	Onboarding onboarding;

	@DynamicPropertySource
	static void waldur(DynamicPropertyRegistry registry) {
		registry.add("portal.waldur.url", () -> API);
	}

	@Test
	void healthShowsWaldurDown() throws Exception {
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(status().is5xxServerError())
			.andExpect(jsonPath("$.components.waldur.status").value("DOWN"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void livenessStaysUpWhileReadinessReportsWaldurDown() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/liveness").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.waldur").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().is5xxServerError());
		this.mvc.perform(get("/actuator/health/readiness").with(user("admin").roles("ADMIN")))
			.andExpect(status().is5xxServerError())
			.andExpect(jsonPath("$.components.waldur.status").value("DOWN"));
	}

	@Test
	void pagesRenderAndTheWizardSaysWaldurIsUnreachable() throws Exception {
		long id = prepared();
		for (String page : List.of("/", "/onboarding", "/onboarding/" + id + "/summary",
				"/onboarding/" + id + "/steps/offering", "/onboarding/" + id + "/steps/integration")) {
			this.mvc.perform(get(page).with(user("operator").roles("OPERATOR"))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("form")));
		long version = this.onboarding.get(id, OPERATOR).getVersion();
		this.mvc
			.perform(post("/onboarding/" + id + "/steps/offering/run").param("version", String.valueOf(version))
				.param("fingerprint", OnboardingDriver.fingerprint(this.onboarding, id, OnboardingStep.OFFERING))
				.with(csrf())
				.with(user("operator").roles("OPERATOR")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", containsString("Cannot reach Waldur")))
			.andExpect(flash().attribute("flashError", containsString("try again")));
		OnboardingSession session = this.onboarding.get(id, OPERATOR);
		assertThat(session.step(OnboardingStep.OFFERING).getStatus()).isEqualTo(StepStatus.FAILED);
		assertThat(session.getOfferingUuid()).isNull();
		assertThat(OnboardingStep.wizard())
			.allSatisfy((step) -> assertThat(session.step(step).getStatus()).isNotEqualTo(StepStatus.DONE));
	}

	@Test
	void everyStepRunFailsWithoutMarkingAnythingDone() {
		long id = prepared();
		StepAttempt attempt = this.onboarding.run(id, OnboardingStep.OFFERING,
				this.onboarding.get(id, OPERATOR).getVersion(),
				OnboardingDriver.fingerprint(this.onboarding, id, OnboardingStep.OFFERING), OPERATOR);
		assertThat(attempt.getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(attempt.getMessage()).contains("Cannot reach Waldur").contains("inputs are kept");
		StepAttempt again = this.onboarding.run(id, OnboardingStep.OFFERING,
				this.onboarding.get(id, OPERATOR).getVersion(),
				OnboardingDriver.fingerprint(this.onboarding, id, OnboardingStep.OFFERING), OPERATOR);
		assertThat(again.getOutcome()).isEqualTo(AttemptOutcome.FAILED);
		OnboardingSession session = this.onboarding.get(id, OPERATOR);
		assertThat(session.getOfferingInput()).isNotNull();
		assertThat(this.onboarding.attempts(id, OPERATOR)).hasSize(2).noneMatch((a) -> a.getOutcome().isSuccess());
		DrillFiles.write("waldur-down.md",
				"# Waldur down\n\nWaldur at " + API + " (closed port): the portal started, pages rendered, health "
						+ "reported `waldur` DOWN, two runs of the offering step ended FAILED with \""
						+ attempt.getMessage().replace("|", "/") + "\", and no step was marked done.\n");
	}

	private long prepared() {
		long id = this.onboarding.start(OPERATOR).getId();
		OfferingInput input = new OfferingInput(
				"Down " + id, "Waldur is down", API + "customers/" + UUID_A + "/", UUID_A, "Some organisation",
				API + "marketplace-categories/" + UUID_B + "/", "HPC", List.of(new OfferingInput.Component("node_hours",
						"Node hours", "Node-hours", "usage", "month", 100, 1)),
				List.of(new OfferingInput.Plan("Default", "Default plan", "month")), true);
		this.onboarding.saveOffering(id, this.onboarding.get(id, OPERATOR).getVersion(), input, null, false, OPERATOR);
		this.onboarding.saveIntegration(id, this.onboarding.get(id, OPERATOR).getVersion(), IntegrationInput.defaults(),
				OPERATOR);
		this.onboarding.saveAccount(id, this.onboarding.get(id, OPERATOR).getVersion(),
				new AccountInput("down_agent", "down@example.org", "Down", "Agent"), OPERATOR);
		return id;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
