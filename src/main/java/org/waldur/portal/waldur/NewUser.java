package org.waldur.portal.waldur;

import java.util.Objects;

/**
 * A new Waldur user (the site agent's service account) for
 * {@link WaldurClient#createUser}. It is created active, not staff and not support.
 *
 * @param username lower-case letters, digits and {@code @.+-_}, at most 128 characters
 * @param email its e-mail address
 * @param firstName its first name, may be empty
 * @param lastName its last name, may be empty
 */
public record NewUser(String username, String email, String firstName, String lastName) {

	public NewUser {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(firstName, "firstName");
		Objects.requireNonNull(lastName, "lastName");
		if (!username.matches("[0-9a-z_.@+-]{1,128}")) {
			throw new IllegalArgumentException(
					"A Waldur username has 1 to 128 lower-case letters, digits and @ . + - _ characters.");
		}
	}

}
