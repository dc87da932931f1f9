package org.waldur.portal.crypto;

/**
 * Implemented by a module that stores secrets encrypted with the {@link SecretBox}: how
 * many it holds, so that start-up can refuse a key that cannot read them.
 */
public interface EncryptedSecrets {

	/** How many encrypted secrets are stored. */
	long countEncrypted();

}
