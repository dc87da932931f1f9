package org.waldur.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in attempts per account name and per client address in the database and
 * pauses sign-in with growing delays once too many failed. An attempt is counted before
 * its password is checked, by one atomic {@code UPDATE ... SET failures = failures + 1}
 * that also refuses it while the key is paused, so parallel guesses are counted one by
 * one and none is checked past the limit. A successful sign-in clears the account's count
 * and takes back its own count from the address. Unknown account names are counted like
 * known ones, so the answers do not tell them apart.
 */
@Component
class SignInThrottle {

	private static final int MAX_KEY_PART = 100;

	private static final String CREATE = """
			insert into sign_in_throttle (throttle_key, failures, last_attempt_at) values (?, 0, ?)
			on conflict do nothing""";

	private static final String COUNT = """
			update sign_in_throttle
			set failures = case when last_attempt_at < ? then 1 else failures + 1 end, last_attempt_at = ?
			where throttle_key = ? and (blocked_until is null or blocked_until <= ?)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PortalProperties.Login settings;

	private final Clock clock;

	SignInThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PortalProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = properties.login();
		this.clock = clock;
	}

	/**
	 * Counts an attempt of {@code username} from {@code address}, or refuses it while one
	 * of the two is paused.
	 * @return whether the password may be checked, and whether this attempt started a
	 * pause of the account
	 */
	Admission admit(String username, String address) {
		Instant now = this.clock.instant();
		List<Key> keys = List.of(Key.account(username, this.settings.maxFailures()),
				Key.address(address, this.settings.maxAddressFailures()));
		for (Key key : keys) {
			this.jdbc.update(CREATE, key.value(), Timestamp.from(now));
		}
		Admission admission = this.transactions.execute((status) -> {
			Instant pausedUntil = null;
			// Keys are taken in one order ("account:" before "address:"), so two attempts
			// never wait for each other's rows in a cycle.
			for (Key key : keys) {
				if (this.jdbc.update(COUNT, Timestamp.from(now.minus(this.settings.forgetAfter())), Timestamp.from(now),
						key.value(), Timestamp.from(now)) == 0) {
					status.setRollbackOnly();
					return Admission.REFUSED;
				}
				Integer failures = this.jdbc.queryForObject(
						"select failures from sign_in_throttle where throttle_key = ?", Integer.class, key.value());
				if (failures != null && failures >= key.free()) {
					Instant until = now.plus(delay(failures - key.free() + 1));
					this.jdbc.update("update sign_in_throttle set blocked_until = ? where throttle_key = ?",
							Timestamp.from(until), key.value());
					if (key.isAccount() && failures == key.free()) {
						pausedUntil = until;
					}
				}
			}
			return new Admission(true, pausedUntil);
		});
		return (admission != null) ? admission : Admission.REFUSED;
	}

	/**
	 * The attempt signed in: the account starts afresh, the address gets its count back.
	 */
	void succeeded(String username, String address) {
		Key account = Key.account(username, this.settings.maxFailures());
		Key client = Key.address(address, this.settings.maxAddressFailures());
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("update sign_in_throttle set failures = 0, blocked_until = null where throttle_key = ?",
					account.value());
			this.jdbc.update("""
					update sign_in_throttle set failures = greatest(failures - 1, 0),
					blocked_until = case when failures - 1 < ? then null else blocked_until end
					where throttle_key = ?""", client.free(), client.value());
		});
	}

	/** Clears the count of an account (an administrator unlocked it). */
	void forget(String username) {
		this.jdbc.update("delete from sign_in_throttle where throttle_key = ?",
				Key.account(username, this.settings.maxFailures()).value());
	}

	/** Until when sign-in to the account is paused, or {@code null}. */
	@Nullable Instant pausedUntil(String username) {
		List<Timestamp> until = this.jdbc.queryForList(
				"select blocked_until from sign_in_throttle where throttle_key = ? and blocked_until > ?",
				Timestamp.class, Key.account(username, this.settings.maxFailures()).value(),
				Timestamp.from(this.clock.instant()));
		return until.isEmpty() ? null : until.get(0).toInstant();
	}

	/** The account names whose sign-in is paused now. */
	Set<String> pausedAccounts() {
		return this.jdbc
			.queryForList("select throttle_key from sign_in_throttle where throttle_key like 'account:%' "
					+ "and blocked_until > ?", String.class, Timestamp.from(this.clock.instant()))
			.stream()
			.map((key) -> key.substring(Key.ACCOUNT.length()))
			.collect(Collectors.toSet());
	}

	/** Deletes the counts nobody added to for longer than the forget time. */
	int forgetOld() {
		return this.jdbc.update("delete from sign_in_throttle where last_attempt_at < ?",
				Timestamp.from(this.clock.instant().minus(this.settings.forgetAfter())));
	}

	/**
	 * The pause after the {@code n}-th failure beyond the free ones: doubling, capped.
	 */
	Duration delay(int n) {
		Duration delay = this.settings.firstDelay().multipliedBy(1L << Math.min(Math.max(n - 1, 0), 30));
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	/**
	 * Whether an attempt may check its password; {@code pausedUntil} is set when this
	 * attempt used up the account's free failures.
	 */
	record Admission(boolean admitted, @Nullable Instant pausedUntil) {

		static final Admission REFUSED = new Admission(false, null);

	}

	private record Key(String value, int free) {

		static final String ACCOUNT = "account:";

		static Key account(String username, int free) {
			return new Key(ACCOUNT + clip(username.trim().toLowerCase(Locale.ROOT)), free);
		}

		static Key address(String address, int free) {
			return new Key("address:" + clip(address), free);
		}

		boolean isAccount() {
			return this.value.startsWith(ACCOUNT);
		}

		private static String clip(String text) {
			return (text.length() > MAX_KEY_PART) ? text.substring(0, MAX_KEY_PART) : text;
		}

	}

}
