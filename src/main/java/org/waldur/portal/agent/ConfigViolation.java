package org.waldur.portal.agent;

/**
 * A rule of the site agent that a configuration file breaks.
 *
 * @param path where, such as {@code offerings[0].backend_components.cpu.label}
 * @param message what is wrong
 */
public record ConfigViolation(String path, String message) {

	@Override
	public String toString() {
		return this.path + ": " + this.message;
	}

}
