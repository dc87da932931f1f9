package org.waldur.portal.security.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.security.Role;

/**
 * Form to assign the roles of an account; an empty set leaves the account without role.
 */
record RolesForm(@Nullable Set<Role> roles) {

	Set<Role> rolesOrNone() {
		return (this.roles != null) ? this.roles : Set.of();
	}

}
