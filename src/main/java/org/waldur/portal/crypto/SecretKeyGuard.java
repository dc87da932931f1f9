package org.waldur.portal.crypto;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.InvalidConfigurationException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the migrations: records the fingerprint of the secret key on first
 * use, and refuses to start with another key, or a freshly generated one, while stored
 * secrets were encrypted with the recorded one, saying which setting or file to restore.
 */
@Component
@DependsOnDatabaseInitialization
class SecretKeyGuard {

	private static final Logger log = LoggerFactory.getLogger(SecretKeyGuard.class);

	SecretKeyGuard(SecretBox box, SecretKeySource source, DataSource dataSource,
			ObjectProvider<EncryptedSecrets> secrets, Clock clock) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		List<String> stored = jdbc.queryForList("select fingerprint from secret_key_fingerprint where id = 1",
				String.class);
		String current = box.fingerprint();
		if (!stored.isEmpty() && stored.get(0).equals(current)) {
			return;
		}
		long encrypted = secrets.orderedStream().mapToLong(EncryptedSecrets::countEncrypted).sum();
		if (encrypted > 0 && (!stored.isEmpty() || source.generated())) {
			throw new InvalidConfigurationException("the secret key " + source.describe() + " is not the key the "
					+ encrypted + " stored secrets were encrypted with: restore " + source.restore()
					+ " from your backup and start again.");
		}
		if (stored.isEmpty()) {
			jdbc.update("insert into secret_key_fingerprint (id, fingerprint, recorded_at) values (1, ?, ?)", current,
					clock.instant().atOffset(ZoneOffset.UTC));
		}
		else {
			log.warn("The secret key changed; no secret was stored under the old one, so the new one is recorded");
			jdbc.update("update secret_key_fingerprint set fingerprint = ?, recorded_at = ? where id = 1", current,
					clock.instant().atOffset(ZoneOffset.UTC));
		}
	}

}
