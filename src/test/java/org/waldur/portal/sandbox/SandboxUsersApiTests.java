package org.waldur.portal.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, tokens and token authentication.
 */
class SandboxUsersApiTests extends SandboxTestSupport {

	@Test
	void staffCreatesAUserWithoutSeeingItsToken() {
		String username = unique("test_");
		JsonNode user = createUser(username);
		assertThat(user.get("username").stringValue()).isEqualTo(username);
		assertThat(user.get("uuid").stringValue()).matches("[0-9a-f]{32}");
		assertThat(user.get("url").stringValue()).isEqualTo(api("users/" + user.get("uuid").stringValue() + "/"));
		assertThat(user.get("agreement_date").isNull()).isTrue();
		assertThat(user.has("token")).isFalse();
		assertThat(user.has("token_lifetime")).isFalse();
		Reply found = get(staff(), "users/?username=" + username);
		assertThat(found.json()).hasSize(1);
		assertThat(get(staff(), "users/?username=" + username.substring(0, 6)).json()).isEmpty();
	}

	@Test
	void creatingUsersAndReadingTokensIsStaffOnly() {
		String uuid = createUser(unique("svc-")).get("uuid").stringValue();
		String body = "{\"username\": \"" + unique("x") + "\", \"email\": \"x@example.com\"}";
		String denied = "{\"detail\":\"You do not have permission to perform this action.\"}";
		assertThat(post(owner(), "users/", body).body()).isEqualTo(denied);
		assertThat(post(owner(), "users/", body).status()).isEqualTo(403);
		assertThat(get(owner(), "users/" + uuid + "/token/").status()).isEqualTo(403);
		assertThat(post(owner(), "users/" + uuid + "/refresh_token/", null).status()).isEqualTo(403);
	}

	@Test
	void usernameMustBeLowercase() {
		Reply reply = post(staff(), "users/", "{\"username\": \"Agent\", \"email\": \"agent@example.com\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("{\"username\":[\"Enter a valid username.\"]}");
	}

	@Test
	void usernameMustBeUniqueAndEmailValid() {
		String username = unique("dup-");
		createUser(username);
		Reply reply = post(staff(), "users/", "{\"username\": \"" + username + "\", \"email\": \"not-an-email\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("username").get(0).stringValue())
			.isEqualTo("A user with that username already exists.");
		assertThat(reply.json().get("email").get(0).stringValue()).isEqualTo("Enter a valid email address.");
	}

	@Test
	void tokenOfANewUserHasTheDefaultLifetime() {
		JsonNode user = createUser(unique("tok-"));
		Reply token = get(staff(), "users/" + user.get("uuid").stringValue() + "/token/");
		assertThat(token.status()).isEqualTo(200);
		JsonNode body = token.json();
		assertThat(body.get("token").stringValue()).matches("[0-9a-f]{40}");
		assertThat(body.get("user_username").stringValue()).isEqualTo(user.get("username").stringValue());
		assertThat(body.get("user_token_lifetime").isIntegralNumber()).isTrue();
		assertThat(body.get("user_token_lifetime").intValue()).isEqualTo(3600);
		assertThat(body.get("user_is_active").booleanValue()).isTrue();
		assertThat(body.get("created").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
	}

	@Test
	void refreshReplacesTheTokenAndTheOldOneStopsAtOnce() {
		String uuid = createUser(unique("ref-")).get("uuid").stringValue();
		String old = get(staff(), "users/" + uuid + "/token/").json().get("token").stringValue();
		assertThat(get(old, "users/me/").status()).isEqualTo(200);
		Reply refreshed = post(staff(), "users/" + uuid + "/refresh_token/", null);
		assertThat(refreshed.status()).isEqualTo(201);
		String fresh = refreshed.json().get("token").stringValue();
		assertThat(fresh).isNotEqualTo(old).matches("[0-9a-f]{40}");
		Reply withOld = get(old, "users/me/");
		assertThat(withOld.status()).isEqualTo(401);
		assertThat(withOld.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
		assertThat(get(fresh, "users/me/").json().get("uuid").stringValue()).isEqualTo(uuid);
		assertThat(get(staff(), "users/" + uuid + "/token/").json().get("token").stringValue()).isEqualTo(fresh);
	}

	@Test
	void tokenExpiresAfterItsLifetimeWithoutUse() {
		String uuid = createUser(unique("exp-")).get("uuid").stringValue();
		String token = get(staff(), "users/" + uuid + "/token/").json().get("token").stringValue();
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(get(token, "users/me/").status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(get(token, "users/me/").status()).as("sliding: the last use renewed it").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(61));
		Reply expired = get(token, "users/me/");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.body()).isEqualTo("{\"detail\":\"Token has expired.\"}");
		assertThat(expired.header("WWW-Authenticate")).isEqualTo("Token");
		this.clock.advance(Duration.ofDays(30));
		assertThat(get(staff(), "users/me/").status()).as("seeded tokens never expire").isEqualTo(200);
	}

	@Test
	void meShowsTheCallerWithItsToken() {
		Reply me = get(owner(), "users/me/");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").stringValue()).isEqualTo(SandboxSeed.OWNER_USERNAME);
		assertThat(me.json().get("token").stringValue()).isEqualTo(owner());
		assertThat(me.json().get("is_staff").booleanValue()).isFalse();
		assertThat(get(staff(), "users/me/").json().get("is_staff").booleanValue()).isTrue();
	}

	@Test
	void missingOrBadTokensAreUnauthorized() {
		Reply none = get(null, "users/me/");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
		assertThat(none.header("WWW-Authenticate")).isEqualTo("Token");
		Reply bad = get("0123456789abcdef0123456789abcdef01234567", "customers/");
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
		assertThat(bad.header("WWW-Authenticate")).isEqualTo("Token");
	}

	@Test
	void userDetailAndMissingUser() {
		String uuid = createUser(unique("det-")).get("uuid").stringValue();
		assertThat(get(staff(), "users/" + uuid + "/").json().get("uuid").stringValue()).isEqualTo(uuid);
		Reply missing = get(staff(), "users/" + Ids.uuid() + "/");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo("{\"detail\":\"No User matches the given query.\"}");
	}

}
