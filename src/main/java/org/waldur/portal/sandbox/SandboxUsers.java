package org.waldur.portal.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sandbox users and their tokens (one token per user, as in Waldur).
 */
@Repository
@ConditionalOnSandboxMode
class SandboxUsers {

	private static final String COLUMNS = "uuid, username, email, first_name, last_name, is_staff, is_active, "
			+ "token_lifetime, created";

	private final JdbcClient jdbc;

	SandboxUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new user together with its token. */
	@Transactional
	void create(SandboxUser user, String tokenKey, Instant now) {
		this.jdbc
			.sql("insert into sandbox_user (" + COLUMNS + ") values (:uuid, :username, :email, :firstName, "
					+ ":lastName, :staff, :active, :tokenLifetime, :created)")
			.param("uuid", user.uuid())
			.param("username", user.username())
			.param("email", user.email())
			.param("firstName", user.firstName())
			.param("lastName", user.lastName())
			.param("staff", user.staff())
			.param("active", user.active())
			.param("tokenLifetime", user.tokenLifetime())
			.param("created", Ids.timestamp(user.created()))
			.update();
		insertToken(user.uuid(), tokenKey, now);
	}

	Optional<SandboxUser> find(String uuid) {
		return this.jdbc.sql("select " + COLUMNS + " from sandbox_user where uuid = ?")
			.param(uuid)
			.query(SandboxUsers::user)
			.optional();
	}

	Optional<SandboxUser> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from sandbox_user where username = ?")
			.param(username)
			.query(SandboxUsers::user)
			.optional();
	}

	List<SandboxUser> all() {
		return this.jdbc.sql("select " + COLUMNS + " from sandbox_user order by created, username")
			.query(SandboxUsers::user)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from sandbox_user").query(Long.class).single();
	}

	Optional<SandboxToken> tokenOf(String userUuid) {
		return this.jdbc.sql("select token_key, user_uuid, created from sandbox_token where user_uuid = ?")
			.param(userUuid)
			.query(SandboxUsers::token)
			.optional();
	}

	Optional<SandboxToken> findToken(String key) {
		return this.jdbc.sql("select token_key, user_uuid, created from sandbox_token where token_key = ?")
			.param(key)
			.query(SandboxUsers::token)
			.optional();
	}

	/** Replaces the user's token with a new key; the old key stops working at once. */
	@Transactional
	SandboxToken replaceToken(String userUuid, String newKey, Instant now) {
		this.jdbc.sql("delete from sandbox_token where user_uuid = ? or token_key = ?")
			.params(userUuid, newKey)
			.update();
		insertToken(userUuid, newKey, now);
		return new SandboxToken(newKey, userUuid, now);
	}

	/** Records a successful use of the token (Waldur's sliding expiry). */
	void touchToken(String key, Instant now) {
		this.jdbc.sql("update sandbox_token set created = ? where token_key = ?")
			.params(Ids.timestamp(now), key)
			.update();
	}

	void updateTokenLifetime(String userUuid, @Nullable Integer lifetime) {
		this.jdbc.sql("update sandbox_user set token_lifetime = ? where uuid = ?").params(lifetime, userUuid).update();
	}

	private void insertToken(String userUuid, String key, Instant now) {
		this.jdbc.sql("insert into sandbox_token (token_key, user_uuid, created) values (?, ?, ?)")
			.params(key, userUuid, Ids.timestamp(now))
			.update();
	}

	private static SandboxUser user(ResultSet rs, int row) throws SQLException {
		return new SandboxUser(rs.getString("uuid"), rs.getString("username"), rs.getString("email"),
				rs.getString("first_name"), rs.getString("last_name"), rs.getBoolean("is_staff"),
				rs.getBoolean("is_active"), Ids.integer(rs, "token_lifetime"), Ids.requiredInstant(rs, "created"));
	}

	private static SandboxToken token(ResultSet rs, int row) throws SQLException {
		return new SandboxToken(rs.getString("token_key"), rs.getString("user_uuid"),
				Ids.requiredInstant(rs, "created"));
	}

}
