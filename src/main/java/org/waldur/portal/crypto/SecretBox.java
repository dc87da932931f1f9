package org.waldur.portal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts short secrets (tokens) with AES-256-GCM. The stored form is
 * {@code v1:} followed by Base64 of a random 12-byte nonce and the ciphertext with its
 * tag. The associated data binds a ciphertext to its purpose, so a value copied into
 * another column does not decrypt.
 */
public final class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(byte[] key) {
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/**
	 * Encrypts {@code plaintext} for the given purpose, such as {@code session:42:token}.
	 */
	public String encrypt(String plaintext, String purpose) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
			return PREFIX + Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	/**
	 * Decrypts a value made by {@link #encrypt}.
	 * @throws SecretUnreadableException if the value was tampered with, was made under
	 * another key or for another purpose
	 * @throws IllegalArgumentException if the value is not an encrypted secret
	 */
	public String decrypt(String stored, String purpose) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not an encrypted secret");
		}
		byte[] raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		if (raw.length <= NONCE_BYTES) {
			throw new IllegalArgumentException("Encrypted secret is truncated");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(raw, NONCE_BYTES), purpose);
			byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new SecretUnreadableException("Encrypted secret cannot be decrypted with this key", ex);
		}
	}

	/**
	 * A key for another purpose (such as the audit chain's HMAC), derived from this key
	 * with HMAC-SHA256 so that neither reveals the other.
	 */
	public byte[] derive(String purpose) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key.getEncoded(), "HmacSHA256"));
			return mac.doFinal(("waldur-portal " + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * A fingerprint of the key (hex SHA-256 of a value derived from it), safe to store:
	 * it tells whether the key changed without revealing it.
	 */
	public String fingerprint() {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(derive("key fingerprint")));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	@Override
	public String toString() {
		return "SecretBox[key=******]";
	}

}
