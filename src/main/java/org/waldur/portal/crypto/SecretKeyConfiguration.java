package org.waldur.portal.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.InvalidConfigurationException;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.config.PrivateFiles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides the {@link SecretBox}. The key comes from {@code PORTAL_SECRET_KEY}; with an
 * embedded database and no key, one is generated once into {@code <data dir>/secret.key}
 * (mode 600) and reused on every later start. {@link SecretKeyGuard} refuses a key that
 * cannot read the stored secrets.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

	static final String KEY_FILE = "secret.key";

	private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

	@Bean
	SecretKeySource secretKeySource(PortalProperties properties, Environment environment) {
		if (properties.secretKey() != null) {
			return new SecretKeySource(null, false);
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (!url.startsWith("jdbc:h2:")) {
			throw new InvalidConfigurationException(
					"PORTAL_SECRET_KEY is required with an external database (32 random bytes in Base64, "
							+ "e.g. from 'openssl rand -base64 32').");
		}
		Path file = properties.dataDir().resolve(KEY_FILE);
		return new SecretKeySource(file, !java.nio.file.Files.exists(file));
	}

	@Bean
	SecretBox secretBox(PortalProperties properties, SecretKeySource source) {
		if (source.file() == null) {
			return new SecretBox(PortalProperties.decodeKey(java.util.Objects.requireNonNull(properties.secretKey())));
		}
		return new SecretBox(PortalProperties.decodeKey(readOrCreate(source.file())));
	}

	static String readOrCreate(Path file) {
		return PrivateFiles.read(file).orElseGet(() -> {
			byte[] key = new byte[PortalProperties.SECRET_KEY_BYTES];
			new SecureRandom().nextBytes(key);
			String encoded = Base64.getEncoder().encodeToString(key);
			PrivateFiles.write(file, encoded);
			log.warn("PORTAL_SECRET_KEY is not set: generated a new secret key into {} (mode 600). "
					+ "Back it up; stored secrets cannot be read without it.", file.toAbsolutePath());
			return encoded;
		});
	}

}
