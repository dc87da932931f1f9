package org.waldur.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.waldur.portal.config.InvalidConfigurationException;
import org.waldur.portal.crypto.SecretBox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's HMAC-SHA256, never stored in the database: from
 * {@code PORTAL_AUDIT_KEY} (32 random bytes in Base64) or, without it, derived from the
 * secret key ({@code PORTAL_SECRET_KEY} or {@code secret.key}), so it is provisioned and
 * backed up with that key.
 */
@Component
class AuditKey {

	/** Key version of entries hashed with plain SHA-256, before the chain had a key. */
	static final int UNKEYED = 0;

	/** Key version of entries chained with HMAC-SHA256 under this key. */
	static final int KEYED = 1;

	private final SecretKeySpec key;

	AuditKey(SecretBox secrets, @Value("${portal.audit-key:}") String configured) {
		this.key = new SecretKeySpec(configured.isBlank() ? secrets.derive("audit chain v1") : decode(configured),
				"HmacSHA256");
	}

	/** HMAC-SHA256 (hex) of {@code text}. */
	String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Whether {@code mac} is the HMAC of {@code text}, compared in constant time. */
	boolean verifies(String text, String mac) {
		return MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII),
				mac.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] decode(String encoded) {
		try {
			byte[] key = Base64.getDecoder().decode(encoded.trim());
			if (key.length >= 32) {
				return key;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new InvalidConfigurationException(
				"PORTAL_AUDIT_KEY must be at least 32 random bytes in Base64 (e.g. from 'openssl rand -base64 32').");
	}

	@Override
	public String toString() {
		return "AuditKey[******]";
	}

}
