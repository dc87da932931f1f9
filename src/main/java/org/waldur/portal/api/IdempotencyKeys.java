package org.waldur.portal.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.crypto.SecretBox;
import org.waldur.portal.crypto.SecretUnreadableException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored {@code Idempotency-Key}s of API callers: claimed with the request's digest
 * before the operation runs, then completed with its answer (the body encrypted, since it
 * may carry a token). Each statement commits on its own, so a claim is visible to every
 * instance before anything is sent to Waldur.
 */
@Component
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	private final ApiProperties properties;

	IdempotencyKeys(JdbcClient jdbc, SecretBox secrets, Clock clock, ApiProperties properties) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.properties = properties;
	}

	/** A stored key: the request's digest and, once the operation ended, its answer. */
	record Stored(long id, String requestHash, @Nullable Integer status, @Nullable String contentType,
			@Nullable String location, @Nullable String body) {

		boolean completed() {
			return this.status != null;
		}

	}

	/**
	 * Claims {@code key} for a request: empty when it is new (the caller runs the
	 * operation), else what is stored under it. A key older than the keep time counts as
	 * new.
	 */
	Optional<Stored> claim(String principal, String key, String requestHash) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from api_idempotency_key where principal = ? and idempotency_key = ? and created_at < ?")
			.params(principal, key, Timestamp.from(now.minus(this.properties.keyTime())))
			.update();
		try {
			this.jdbc
				.sql("insert into api_idempotency_key (principal, idempotency_key, request_hash, created_at) "
						+ "values (?, ?, ?, ?)")
				.params(principal, key, requestHash, Timestamp.from(now))
				.update();
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			try {
				return find(principal, key);
			}
			catch (SecretUnreadableException unreadable) {
				// Stored under another secret key: it cannot be replayed, so the key
				// starts
				// anew (the step's own claim still keeps a done step from running twice).
				release(principal, key);
				return claim(principal, key, requestHash);
			}
		}
	}

	/** Stores the answer the operation of a claimed key got. */
	void complete(String principal, String key, int status, @Nullable String contentType, @Nullable String location,
			String body) {
		this.jdbc
			.sql("update api_idempotency_key set status = ?, content_type = ?, location = ?, response_body = ?, "
					+ "completed_at = ? where principal = ? and idempotency_key = ?")
			.params(status, contentType, location, this.secrets.encrypt(body, purpose(principal, key)),
					Timestamp.from(this.clock.instant()), principal, key)
			.update();
	}

	/** Gives a claimed key up: nothing was done, the same key may be sent again. */
	void release(String principal, String key) {
		this.jdbc.sql("delete from api_idempotency_key where principal = ? and idempotency_key = ?")
			.params(principal, key)
			.update();
	}

	/** Deletes keys older than the keep time; returns how many. */
	int deleteExpired() {
		return this.jdbc.sql("delete from api_idempotency_key where created_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.properties.keyTime())))
			.update();
	}

	private Optional<Stored> find(String principal, String key) {
		return this.jdbc
			.sql("select id, request_hash, status, content_type, location, response_body "
					+ "from api_idempotency_key where principal = ? and idempotency_key = ?")
			.params(principal, key)
			.query((rs, row) -> {
				String sealed = rs.getString("response_body");
				int status = rs.getInt("status");
				return new Stored(rs.getLong("id"), rs.getString("request_hash"), rs.wasNull() ? null : status,
						rs.getString("content_type"), rs.getString("location"),
						(sealed != null) ? this.secrets.decrypt(sealed, purpose(principal, key)) : null);
			})
			.optional();
	}

	private static String purpose(String principal, String key) {
		return "api-idempotency:" + principal + ":" + key;
	}

}
