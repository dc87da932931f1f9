package org.waldur.portal.waldur;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param accountNameGenerationPolicy how SLURM accounts are named, or {@code null} for
 * none
 * @param supportsPausing whether resources can be paused
 * @param supportsDownscaling whether limits can be lowered
 * @param serviceProviderCanCreateOfferingUser whether the provider (the site agent)
 * creates offering users
 */
public record PluginOptions(String homedirPrefix,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer initialUidnumber,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer initialUsergroupNumber,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer initialPrimarygroupNumber,
		String usernameAnonymizedPrefix, UsernamePolicy usernameGenerationPolicy,
		@Nullable AccountNamePolicy accountNameGenerationPolicy, boolean supportsPausing, boolean supportsDownscaling,
		boolean serviceProviderCanCreateOfferingUser) {

	public PluginOptions {
		Objects.requireNonNull(homedirPrefix, "homedirPrefix");
		Objects.requireNonNull(usernameAnonymizedPrefix, "usernameAnonymizedPrefix");
		Objects.requireNonNull(usernameGenerationPolicy, "usernameGenerationPolicy");
	}
}
