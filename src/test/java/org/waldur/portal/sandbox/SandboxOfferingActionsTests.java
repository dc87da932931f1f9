package org.waldur.portal.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * update_integration, activate, add_user and list_users.
 */
class SandboxOfferingActionsTests extends SandboxTestSupport {

	private static final String OFFERINGS = "marketplace-provider-offerings/";

	@Test
	void activateIsStaffOnly() {
		String uuid = createOffering(unique("act-"), true, true).get("uuid").stringValue();
		Reply byOwner = post(owner(), OFFERINGS + uuid + "/activate/", null);
		assertThat(byOwner.status()).isEqualTo(403);
		Reply byStaff = post(staff(), OFFERINGS + uuid + "/activate/", null);
		assertThat(byStaff.status()).isEqualTo(200);
		assertThat(byStaff.body()).isEqualTo("{\"detail\":\"Offering state updated.\",\"state\":\"Active\"}");
		assertThat(get(owner(), OFFERINGS + uuid + "/").json().get("state").stringValue()).isEqualTo("Active");
	}

	@Test
	void activatingTwiceIsAnInvalidState() {
		String uuid = createOffering(unique("act2-"), true, true).get("uuid").stringValue();
		assertThat(post(staff(), OFFERINGS + uuid + "/activate/", null).status()).isEqualTo(200);
		Reply again = post(staff(), OFFERINGS + uuid + "/activate/", null);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).isEqualTo("[\"Offering state is invalid.\"]");
	}

	@Test
	void activatingWithoutPlansIsAnInvalidState() {
		String uuid = createOffering(unique("noplan-"), true, false).get("uuid").stringValue();
		Reply reply = post(staff(), OFFERINGS + uuid + "/activate/", null);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("[\"Offering state is invalid.\"]");
	}

	@Test
	void pausedOfferingCanBeActivatedAgain() {
		String uuid = createOffering(unique("pause-"), true, true).get("uuid").stringValue();
		post(staff(), OFFERINGS + uuid + "/activate/", null);
		assertThat(post(owner(), OFFERINGS + uuid + "/pause/", null).json().get("state").stringValue())
			.isEqualTo("Paused");
		assertThat(post(staff(), OFFERINGS + uuid + "/activate/", null).status()).isEqualTo(200);
	}

	@Test
	void updateIntegrationMergesKeyByKeyAndAnswersAnEmptyBody() {
		String uuid = createOffering(unique("int-"), true, true).get("uuid").stringValue();
		Reply first = post(owner(), OFFERINGS + uuid + "/update_integration/", """
				{"plugin_options": {"homedir_prefix": "/home/", "initial_uidnumber": 5000,
				 "username_generation_policy": "waldur_username", "account_name_generation_policy": "project_slug",
				 "service_provider_can_create_offering_user": true, "no_such_key": 1}}
				""");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).isEmpty();
		assertThat(post(owner(), OFFERINGS + uuid + "/update_integration/",
				"{\"plugin_options\": {\"supports_pausing\": true, \"initial_uidnumber\": 7000}}")
			.status()).isEqualTo(200);
		JsonNode options = get(owner(), OFFERINGS + uuid + "/").json().get("plugin_options");
		assertThat(options.get("homedir_prefix").stringValue()).isEqualTo("/home/");
		assertThat(options.get("username_generation_policy").stringValue()).isEqualTo("waldur_username");
		assertThat(options.get("account_name_generation_policy").stringValue()).isEqualTo("project_slug");
		assertThat(options.get("supports_pausing").booleanValue()).isTrue();
		assertThat(options.get("initial_uidnumber").intValue()).isEqualTo(7000);
		assertThat(options.has("no_such_key")).isFalse();
	}

	@Test
	void updateIntegrationRejectsInvalidChoicesAndNumbers() {
		String uuid = createOffering(unique("badint-"), true, true).get("uuid").stringValue();
		Reply reply = post(owner(), OFFERINGS + uuid + "/update_integration/",
				"{\"plugin_options\": {\"username_generation_policy\": \"x\"}}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body())
			.isEqualTo("{\"plugin_options\":{\"username_generation_policy\":[\"\\\"x\\\" is not a valid choice.\"]}}");
		Reply negative = post(owner(), OFFERINGS + uuid + "/update_integration/",
				"{\"plugin_options\": {\"initial_uidnumber\": -1, \"account_name_generation_policy\": \"other\"}}");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().get("plugin_options").get("initial_uidnumber").get(0).stringValue())
			.isEqualTo("Ensure this value is greater than or equal to 0.");
		assertThat(negative.json().get("plugin_options").has("account_name_generation_policy")).isTrue();
	}

	@Test
	void updateIntegrationOfArchivedOfferingIsRejected() {
		String uuid = createOffering(unique("arch-"), true, true).get("uuid").stringValue();
		assertThat(post(owner(), OFFERINGS + uuid + "/archive/", null).status()).isEqualTo(200);
		Reply reply = post(owner(), OFFERINGS + uuid + "/update_integration/", "{\"plugin_options\": {}}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("[\"It is not possible to update archived offering.\"]");
	}

	@Test
	void offeringManagerMayUpdateIntegrationButNotActivate() {
		String uuid = createOffering(unique("mgr-"), true, true).get("uuid").stringValue();
		JsonNode user = createUser(unique("agent-"));
		String userUuid = user.get("uuid").stringValue();
		assertThat(addUser(owner(), uuid, userUuid).status()).isEqualTo(201);
		String agentToken = get(staff(), "users/" + userUuid + "/token/").json().get("token").stringValue();
		assertThat(post(agentToken, OFFERINGS + uuid + "/update_integration/", "{\"plugin_options\": {}}").status())
			.isEqualTo(200);
		assertThat(post(agentToken, OFFERINGS + uuid + "/activate/", null).status()).isEqualTo(403);
	}

	@Test
	void addUserGrantsOnceAndRejectsTheDuplicate() {
		String uuid = createOffering(unique("add-"), true, true).get("uuid").stringValue();
		String userUuid = createUser(unique("svc-")).get("uuid").stringValue();
		Reply first = addUser(owner(), uuid, userUuid);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.body()).isEqualTo("{\"expiration_time\":null}");
		Reply second = addUser(staff(), uuid, userUuid);
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.body())
			.isEqualTo("{\"non_field_errors\":[\"User has already the same role in this scope.\"]}");
		Reply listed = get(owner(), OFFERINGS + uuid + "/list_users/?user=" + userUuid + "&role=OFFERING.MANAGER");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.header("X-Result-Count")).isEqualTo("1");
		assertThat(listed.json().get(0).get("role_name").stringValue()).isEqualTo("OFFERING.MANAGER");
		assertThat(listed.json().get(0).get("user_uuid").stringValue()).isEqualTo(userUuid);
		assertThat(get(owner(), OFFERINGS + uuid + "/list_users/?user=" + Ids.uuid()).json()).isEmpty();
	}

	@Test
	void addUserToNonSharedOfferingIsRejected() {
		String uuid = createOffering(unique("private-"), false, true).get("uuid").stringValue();
		String userUuid = createUser(unique("svc-")).get("uuid").stringValue();
		Reply reply = addUser(owner(), uuid, userUuid);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("{\"non_field_errors\":[\"Offering is not available.\"]}");
	}

	@Test
	void addUserWithUnknownRoleOrUser() {
		String uuid = createOffering(unique("unk-"), true, true).get("uuid").stringValue();
		Reply reply = post(owner(), OFFERINGS + uuid + "/add_user/",
				"{\"role\": \"OFFERING.BOSS\", \"user\": \"" + Ids.uuid() + "\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("{\"role\":[\"Role is not found.\"],\"user\":[\"User is not found.\"]}");
	}

	private Reply addUser(String token, String offeringUuid, String userUuid) {
		return post(token, OFFERINGS + offeringUuid + "/add_user/",
				"{\"role\": \"OFFERING.MANAGER\", \"user\": \"" + userUuid + "\"}");
	}

}
