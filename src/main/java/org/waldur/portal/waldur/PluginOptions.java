package org.waldur.portal.waldur;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The {@code plugin_options} of a SLURM offering, sent whole by
 * {@link WaldurClient#updateIntegration} because Waldur resets omitted options to their
 * defaults. The UID/GID start numbers are left out of the request when {@code null}
 * (Waldur 8.1.2 and later allocate them from POSIX ID pools instead).
 *
 * @param homedirPrefix prefix of home directories, such as {@code /home/}
 * @param initialUidnumber first UID for offering users, or {@code null}
 * @param initialUsergroupNumber first user-group GID, or {@code null}
 * @param initialPrimarygroupNumber first primary-group GID, or {@code null}
 * @param usernameAnonymizedPrefix prefix of anonymised usernames, such as {@code waldur_}
 * @param usernameGenerationPolicy how offering usernames are made
 * @param accountNameGenerationPolicy {@code project_slug} or {@code null}
 * @param supportsPausing whether resources can be paused
 * @param supportsDownscaling whether limits can be lowered
 * @param serviceProviderCanCreateOfferingUser whether the provider (the site agent)
 * creates offering users
 */
public record PluginOptions(String homedirPrefix,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer initialUidnumber,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer initialUsergroupNumber,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer initialPrimarygroupNumber,
		String usernameAnonymizedPrefix, UsernameGenerationPolicy usernameGenerationPolicy,
		@Nullable String accountNameGenerationPolicy, boolean supportsPausing, boolean supportsDownscaling,
		boolean serviceProviderCanCreateOfferingUser) {

	/** The only account name generation policy Waldur knows. */
	public static final String PROJECT_SLUG = "project_slug";

	public PluginOptions {
		Objects.requireNonNull(homedirPrefix, "homedirPrefix");
		Objects.requireNonNull(usernameAnonymizedPrefix, "usernameAnonymizedPrefix");
		Objects.requireNonNull(usernameGenerationPolicy, "usernameGenerationPolicy");
		if (accountNameGenerationPolicy != null && !PROJECT_SLUG.equals(accountNameGenerationPolicy)) {
			throw new IllegalArgumentException("accountNameGenerationPolicy must be null or 'project_slug'");
		}
	}

	/**
	 * How Waldur makes offering usernames ({@code UsernameGenerationPolicyEnum}).
	 */
	public enum UsernameGenerationPolicy {

		/** The service provider (the site agent) sets usernames; Waldur's default. */
		SERVICE_PROVIDER("service_provider"),

		/** A prefix and a number, such as {@code waldur_00001}. */
		ANONYMIZED("anonymized"),

		/** From the user's full name, such as {@code john_doe_01}. */
		FULL_NAME("full_name"),

		/** The Waldur username. */
		WALDUR_USERNAME("waldur_username"),

		/** From FreeIPA. */
		FREEIPA("freeipa"),

		/** From a claim of the identity provider (Waldur 8 and later). */
		IDENTITY_CLAIM("identity_claim");

		private final String value;

		UsernameGenerationPolicy(String value) {
			this.value = value;
		}

		/** The value Waldur uses. */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
