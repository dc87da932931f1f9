package org.waldur.portal.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Someone signed in through the OpenID Connect provider, as kept in their session: the
 * portal account's name and roles, the provider's issuer and subject, and the ID token
 * sealed with the portal's secret key (only ever used as the hint of the provider's
 * sign-out). Neither the access token nor the plain ID token is kept.
 */
public final class ProviderUser implements OAuth2User, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final List<SimpleGrantedAuthority> authorities;

	private final String issuer;

	private final String subject;

	private final @Nullable String sealedIdToken;

	ProviderUser(String username, Set<Role> roles, String issuer, String subject, @Nullable String sealedIdToken) {
		this.username = username;
		this.authorities = roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
		this.issuer = issuer;
		this.subject = subject;
		this.sealedIdToken = sealedIdToken;
	}

	/** The portal account's name. */
	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	/** Only the issuer and subject: the other claims are not kept. */
	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("iss", this.issuer, "sub", this.subject);
	}

	public String issuer() {
		return this.issuer;
	}

	public String subject() {
		return this.subject;
	}

	@Nullable String sealedIdToken() {
		return this.sealedIdToken;
	}

	@Override
	public String toString() {
		return "ProviderUser[" + this.username + ", subject " + this.subject + " at " + this.issuer + "]";
	}

}
