package org.waldur.portal.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.waldur.portal.waldur.OpenApiContract;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's rules for keeping the agent's token valid and for the agent's
 * registration: only the user changes their own token lifetime, the token expires after
 * its lifetime without use, and only those who may manage the offering register an agent
 * for it.
 */
class SandboxAgentRulesTests extends SandboxTestSupport {

	static final OpenApiContract CONTRACT = OpenApiContract.load();

	private static final String NEVER = "{\"token_lifetime\": null, \"agree_with_policy\": true}";

	@Test
	void theUserThemselvesMakesTheirTokenNonExpiring() {
		JsonNode user = createUser(unique("svc-"));
		String token = tokenOf(user);
		Reply patched = send(token, "PATCH", "users/" + uuid(user) + "/", NEVER);
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		CONTRACT.assertValid("User", patched.body());
		JsonNode me = get(token, "users/me/").json();
		assertThat(me.has("token_lifetime")).isTrue();
		assertThat(me.get("token_lifetime").isNull()).isTrue();
		assertThat(me.get("token_expires_at").isNull()).isTrue();
	}

	@Test
	void staffSendingTheSameBodyGets200AndNothingChanges() {
		JsonNode user = createUser(unique("svc-"));
		String token = tokenOf(user);
		Reply patched = send(staff(), "PATCH", "users/" + uuid(user) + "/", NEVER);
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().has("token_lifetime")).isFalse();
		assertThat(get(token, "users/me/").json().get("token_lifetime").intValue()).isEqualTo(3600);
	}

	@Test
	void theUserMustAgreeWithThePolicyAndChooseAtLeastAMinute() {
		JsonNode user = createUser(unique("svc-"));
		String token = tokenOf(user);
		Reply unagreed = send(token, "PATCH", "users/" + uuid(user) + "/", "{\"token_lifetime\": null}");
		assertThat(unagreed.status()).isEqualTo(400);
		assertThat(unagreed.json().has("agree_with_policy")).isTrue();
		Reply tooShort = send(token, "PATCH", "users/" + uuid(user) + "/",
				"{\"token_lifetime\": 30, \"agree_with_policy\": true}");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().has("token_lifetime")).isTrue();
		assertThat(get(token, "users/me/").json().get("token_lifetime").intValue()).isEqualTo(3600);
	}

	@Test
	void anotherUserMayNotChangeSomeoneElse() {
		JsonNode user = createUser(unique("svc-"));
		JsonNode other = createUser(unique("svc-"));
		Reply reply = send(tokenOf(other), "PATCH", "users/" + uuid(user) + "/", NEVER);
		assertThat(reply.status()).isIn(403, 404);
	}

	@Test
	void aTokenExpiresAfterItsLifetimeWithoutUseAndNeverWithoutOne() {
		JsonNode expiring = createUser(unique("svc-"));
		String expiringToken = tokenOf(expiring);
		JsonNode lasting = createUser(unique("svc-"));
		String lastingToken = tokenOf(lasting);
		assertThat(send(lastingToken, "PATCH", "users/" + uuid(lasting) + "/", NEVER).status()).isEqualTo(200);
		assertThat(get(expiringToken, "users/me/").status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(50));
		assertThat(get(expiringToken, "users/me/").status()).as("used within its lifetime").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(get(expiringToken, "users/me/").status()).as("each use moves the expiry").isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(3601));
		Reply expired = get(expiringToken, "users/me/");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.body()).contains("Token has expired.");

		this.clock.advance(Duration.ofDays(2));
		assertThat(get(lastingToken, "users/me/").status()).isEqualTo(200);
	}

	@Test
	void anOfferingManagerRegistersTheAgentItsServicesAndProcessors() {
		JsonNode offering = createOffering(unique("Agent "), true, true);
		JsonNode user = createUser(unique("svc-"));
		String token = tokenOf(user);
		Reply granted = post(owner(), "marketplace-provider-offerings/" + uuid(offering) + "/add_user/",
				"{\"role\": \"OFFERING.MANAGER\", \"user\": \"" + uuid(user) + "\"}");
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);

		Reply identity = post(token, "marketplace-site-agent-identities/", identityBody(uuid(offering)));
		assertThat(identity.status()).as(identity.body()).isEqualTo(201);
		CONTRACT.assertValid("AgentIdentity", identity.body());
		String identityUuid = uuid(identity.json());
		Reply service = post(token, "marketplace-site-agent-identities/" + identityUuid + "/register_service/",
				"{\"name\": \"order_process\", \"mode\": \"order_process\"}");
		assertThat(service.status()).as(service.body()).isEqualTo(201);
		CONTRACT.assertValid("AgentService", service.body());
		Reply again = post(token, "marketplace-site-agent-identities/" + identityUuid + "/register_service/",
				"{\"name\": \"order_process\", \"mode\": \"order_process\"}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(uuid(again.json())).isEqualTo(uuid(service.json()));
		Reply processor = post(token,
				"marketplace-site-agent-services/" + uuid(service.json()) + "/register_processor/",
				"{\"name\": \"slurm\", \"backend_type\": \"SLURM\", \"backend_version\": \"23.11\"}");
		assertThat(processor.status()).as(processor.body()).isEqualTo(201);
		CONTRACT.assertValid("AgentProcessor", processor.body());
		assertThat(processor.json().get("last_run").isNull()).isFalse();

		Reply listed = get(token, "marketplace-site-agent-identities/?offering_uuid=" + uuid(offering));
		CONTRACT.assertValidList("AgentIdentity", listed.body());
		assertThat(listed.json()).hasSize(1);
		assertThat(listed.json().get(0).get("version").stringValue()).isEqualTo("0.9.0");
		assertThat(listed.json().get(0).get("services").get(0).get("state").stringValue()).isEqualTo("Active");
		Reply services = get(token, "marketplace-site-agent-services/?identity_uuid=" + identityUuid);
		CONTRACT.assertValidList("AgentService", services.body());
		assertThat(services.json().get(0).get("processors").get(0).get("backend_type").stringValue())
			.isEqualTo("SLURM");
	}

	@Test
	void aStrangerMayNeitherRegisterNorSeeAnAgent() {
		JsonNode offering = createOffering(unique("Agent "), true, true);
		String stranger = tokenOf(createUser(unique("svc-")));
		Reply refused = post(stranger, "marketplace-site-agent-identities/", identityBody(uuid(offering)));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("You do not have permission to perform this action.");

		Reply registered = post(owner(), "marketplace-site-agent-identities/", identityBody(uuid(offering)));
		assertThat(registered.status()).as("an owner of the organisation may").isEqualTo(201);
		assertThat(get(stranger, "marketplace-site-agent-identities/?offering_uuid=" + uuid(offering)).json())
			.isEmpty();
		assertThat(post(stranger, "marketplace-site-agent-identities/" + uuid(registered.json()) + "/register_service/",
				"{\"name\": \"report\", \"mode\": \"report\"}")
			.status()).isEqualTo(404);
		assertThat(get(staff(), "marketplace-site-agent-identities/?offering_uuid=" + uuid(offering)).json())
			.hasSize(1);
	}

	private static String identityBody(String offering) {
		return """
				{"offering": "%s", "name": "agent-%s", "version": "0.9.0",
				 "dependencies": {"waldur-site-agent-slurm": "0.9.0"}, "last_restarted": "2026-12-01T10:00:00Z"}
				""".formatted(offering, offering);
	}

	private String tokenOf(JsonNode user) {
		Reply token = get(staff(), "users/" + uuid(user) + "/token/");
		assertThat(token.status()).isEqualTo(200);
		return token.json().get("token").stringValue();
	}

	private static String uuid(JsonNode node) {
		return node.get("uuid").stringValue();
	}

}
