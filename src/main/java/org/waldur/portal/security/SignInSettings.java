package org.waldur.portal.security;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.InvalidConfigurationException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How people sign in: with a local account, through an OpenID Connect provider, or both.
 * Invalid values stop the start-up with a one-line message.
 *
 * @param local whether local accounts may sign in with a password
 * ({@code PORTAL_LOCAL_SIGN_IN}); off needs the provider
 * @param oidc the OpenID Connect provider; off while its issuer is empty
 */
@ConfigurationProperties("portal.sign-in")
public record SignInSettings(@DefaultValue("true") boolean local, @DefaultValue Oidc oidc) {

	public SignInSettings {
		if (!local && !oidc.enabled()) {
			throw new InvalidConfigurationException("PORTAL_LOCAL_SIGN_IN=false needs PORTAL_OIDC_ISSUER_URI: "
					+ "without local accounts or a provider nobody could sign in.");
		}
	}

	/** Whether the OpenID Connect provider is configured. */
	public boolean providerEnabled() {
		return this.oidc.enabled();
	}

	/**
	 * The OpenID Connect provider.
	 *
	 * @param issuerUri the issuer; its {@code /.well-known/openid-configuration} is read
	 * on the first sign-in ({@code PORTAL_OIDC_ISSUER_URI}); empty switches the provider
	 * off
	 * @param clientId the portal's client id at the provider
	 * ({@code PORTAL_OIDC_CLIENT_ID})
	 * @param clientSecret its secret ({@code PORTAL_OIDC_CLIENT_SECRET}); empty for a
	 * public client (PKCE only)
	 * @param scopes scopes asked for, {@code openid} always among them
	 * ({@code PORTAL_OIDC_SCOPES})
	 * @param providerName the name on the sign-in button
	 * ({@code PORTAL_OIDC_PROVIDER_NAME})
	 * @param registrationId the last part of the redirect URI
	 * {@code {baseUrl}/login/oauth2/code/{registrationId}}
	 * ({@code PORTAL_OIDC_REGISTRATION_ID})
	 * @param rolesClaim the claim whose values give the roles, a dotted path into nested
	 * claims such as {@code realm_access.roles} ({@code PORTAL_OIDC_ROLES_CLAIM})
	 * @param roleMap which claim value gives which role: {@code group=ROLE} pairs
	 * separated by commas ({@code PORTAL_OIDC_ROLE_MAP}); a value may be listed for
	 * several roles
	 * @param usernameClaim the claim that names a new account
	 * ({@code PORTAL_OIDC_USERNAME_CLAIM})
	 */
	public record Oidc(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
			@DefaultValue("openid,profile,email") List<String> scopes,
			@DefaultValue("your organisation") String providerName, @DefaultValue("oidc") String registrationId,
			@DefaultValue("groups") String rolesClaim, @Nullable String roleMap,
			@DefaultValue("preferred_username") String usernameClaim) {

		public Oidc {
			issuerUri = StringUtils.hasText(issuerUri) ? issuerUri.trim() : null;
			clientId = StringUtils.hasText(clientId) ? clientId.trim() : null;
			clientSecret = StringUtils.hasText(clientSecret) ? clientSecret.trim() : null;
			roleMap = StringUtils.hasText(roleMap) ? roleMap.trim() : null;
			// An empty variable (as a compose file passes an unset one) means the
			// default.
			providerName = orDefault(providerName, "your organisation");
			registrationId = orDefault(registrationId, "oidc");
			rolesClaim = orDefault(rolesClaim, "groups");
			usernameClaim = orDefault(usernameClaim, "preferred_username");
			scopes = (scopes != null) ? scopes : List.of();
			scopes = scopes.stream().map(String::trim).filter(StringUtils::hasText).distinct().toList();
			if (!scopes.contains("openid")) {
				scopes = java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
			}
			if (issuerUri != null) {
				checkIssuer(issuerUri);
				if (clientId == null) {
					throw new InvalidConfigurationException(
							"PORTAL_OIDC_ISSUER_URI is set but PORTAL_OIDC_CLIENT_ID is not.");
				}
				if (!registrationId.matches("[a-z0-9][a-z0-9-]{0,39}")) {
					throw new InvalidConfigurationException(
							"PORTAL_OIDC_REGISTRATION_ID must be lower-case letters, digits and dashes, not '"
									+ registrationId + "'.");
				}
				if (parseRoleMap(roleMap).isEmpty()) {
					throw new InvalidConfigurationException("PORTAL_OIDC_ROLE_MAP is empty: nobody could sign in "
							+ "through the provider. Give pairs such as portal-admins=ADMIN,portal-operators=OPERATOR.");
				}
			}
		}

		/** Whether sign-in through the provider is on. */
		public boolean enabled() {
			return this.issuerUri != null;
		}

		/** The roles each claim value gives. */
		public Map<String, Set<Role>> roles() {
			return parseRoleMap(this.roleMap);
		}

		/** Where the browser starts a sign-in through the provider. */
		public String signInPath() {
			return "/oauth2/authorization/" + this.registrationId;
		}

		@Override
		public String toString() {
			return "Oidc[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + ", clientSecret="
					+ ((this.clientSecret != null) ? "******" : "(none)") + ", scopes=" + this.scopes
					+ ", providerName=" + this.providerName + ", registrationId=" + this.registrationId
					+ ", rolesClaim=" + this.rolesClaim + ", roleMap=" + this.roleMap + ", usernameClaim="
					+ this.usernameClaim + "]";
		}

		private static String orDefault(@Nullable String value, String fallback) {
			return StringUtils.hasText(value) ? value.trim() : fallback;
		}

		private static void checkIssuer(String issuer) {
			URI uri;
			try {
				uri = URI.create(issuer);
			}
			catch (IllegalArgumentException ex) {
				uri = null;
			}
			if (uri == null || uri.getHost() == null
					|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
				throw new InvalidConfigurationException("PORTAL_OIDC_ISSUER_URI must be an http(s) URL such as "
						+ "https://keycloak.example.org/realms/hpc, but it is '" + issuer + "'.");
			}
		}

		static Map<String, Set<Role>> parseRoleMap(@Nullable String text) {
			Map<String, Set<Role>> map = new LinkedHashMap<>();
			if (text == null) {
				return map;
			}
			for (String pair : text.split(",")) {
				if (pair.isBlank()) {
					continue;
				}
				int at = pair.lastIndexOf('=');
				String group = (at > 0) ? pair.substring(0, at).trim() : "";
				String role = (at > 0) ? pair.substring(at + 1).trim().toUpperCase(Locale.ROOT) : "";
				if (group.isEmpty() || Arrays.stream(Role.values()).noneMatch((r) -> r.name().equals(role))) {
					throw new InvalidConfigurationException("PORTAL_OIDC_ROLE_MAP has '" + pair.trim()
							+ "': give group=ROLE pairs with a role of " + Arrays.toString(Role.values()) + ".");
				}
				map.computeIfAbsent(group, (g) -> EnumSet.noneOf(Role.class)).add(Role.valueOf(role));
			}
			return map;
		}

	}

}
