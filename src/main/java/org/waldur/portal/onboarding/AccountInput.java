package org.waldur.portal.onboarding;

/**
 * The service-account user entered on the service-account step.
 *
 * @param username lowercase Waldur username
 * @param email e-mail address
 * @param firstName first name
 * @param lastName last name
 */
public record AccountInput(String username, String email, String firstName, String lastName) {
}
