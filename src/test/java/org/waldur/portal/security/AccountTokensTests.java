package org.waldur.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.waldur.portal.drills.DrillFiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The account page's API tokens: shown once on creation, stored as a SHA-256 digest,
 * listed by name and hint, revoked with immediate effect, audited without the token.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountTokensTests {

	private static final Pattern TOKEN = Pattern.compile("wop_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenIsShownOnceStoredHashedAndRevokedAtOnce() throws Exception {
		this.accounts.create("token-owner", "correct-horse-battery-staple-42", Set.of(Role.OPERATOR), "test");
		MockHttpServletResponse created = this.mvc
			.perform(post("/account/tokens").with(csrf())
				.with(user("token-owner").roles("OPERATOR"))
				.param("name", "CI pipeline")
				.param("lifetimeDays", "30"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(200);
		assertThat(created.getHeader("Cache-Control")).isEqualTo("no-store");
		Matcher matcher = TOKEN.matcher(created.getContentAsString(StandardCharsets.UTF_8));
		assertThat(matcher.find()).isTrue();
		String secret = matcher.group();
		DrillFiles.recordSecrets(java.util.List.of(secret));
		assertThat(this.jdbc.sql("select token_hash from api_token where name = 'CI pipeline'")
			.query(String.class)
			.single()).isEqualTo(ApiTokens.digest(secret));
		assertThat(this.jdbc.sql("select count(*) from api_token where token_hash = ? or hint = ?")
			.params(secret, secret)
			.query(Long.class)
			.single()).isZero();
		String page = this.mvc.perform(get("/account").with(user("token-owner").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("CI pipeline").contains(secret.substring(secret.length() - 4)).doesNotContain(secret);
		assertThat(this.tokens.authenticate(secret)).isPresent();
		long id = this.tokens.of("token-owner").get(0).getId();
		assertThat(this.mvc
			.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(user("someone-else").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(this.tokens.authenticate(secret)).as("another account cannot revoke it").isPresent();
		this.mvc.perform(
				post("/account/tokens/" + id + "/revoke").with(csrf()).with(user("token-owner").roles("OPERATOR")));
		assertThat(this.tokens.authenticate(secret)).isEmpty();
		assertThat(this.jdbc.sql("select action from audit_entry where target_id = 'token-owner' order by id")
			.query(String.class)
			.list()).contains("API_TOKEN_CREATED", "API_TOKEN_REVOKED", "API_TOKEN_REFUSED");
		assertThat(this.jdbc.sql("select count(*) from audit_entry where detail like ?")
			.param("%" + secret + "%")
			.query(Long.class)
			.single()).isZero();
	}

}
