package org.waldur.portal.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The portal roles a provider's claims give: the values of the roles claim (a list of
 * groups or roles, or one value), each looked up in the role map. Values the map does not
 * name give nothing.
 */
final class ClaimRoles {

	private final String claim;

	private final Map<String, Set<Role>> map;

	ClaimRoles(String claim, Map<String, Set<Role>> map) {
		this.claim = claim;
		this.map = Map.copyOf(map);
	}

	String claim() {
		return this.claim;
	}

	/** The values of the roles claim in these claims, in their order. */
	List<String> values(Map<String, Object> claims) {
		Object value = claims;
		for (String part : this.claim.split("\\.")) {
			value = (value instanceof Map<?, ?> nested) ? nested.get(part) : null;
		}
		return strings(value);
	}

	/** The roles the claims give; empty when no value is in the map. */
	Set<Role> roles(Map<String, Object> claims) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : values(claims)) {
			roles.addAll(this.map.getOrDefault(value, Set.of()));
		}
		return roles;
	}

	private static List<String> strings(@Nullable Object value) {
		List<String> values = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			collection.stream().filter((item) -> item != null).forEach((item) -> values.add(item.toString()));
		}
		else if (value != null) {
			values.add(value.toString());
		}
		return values;
	}

}
