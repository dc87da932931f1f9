package org.waldur.portal.crypto;

/**
 * A stored secret cannot be decrypted with the current secret key: the key was changed or
 * lost since it was stored, or the stored value was damaged.
 */
public class SecretUnreadableException extends IllegalArgumentException {

	SecretUnreadableException(String message, Throwable cause) {
		super(message, cause);
	}

}
