package org.waldur.portal.config;

/**
 * A setting of the portal is invalid; its message is one human-readable line.
 */
public class InvalidConfigurationException extends IllegalArgumentException {

	public InvalidConfigurationException(String message) {
		super(message);
	}

}
