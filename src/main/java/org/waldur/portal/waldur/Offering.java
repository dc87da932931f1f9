package org.waldur.portal.waldur;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An offering as Waldur shows it to its provider ({@code ProviderOfferingDetails}); only
 * the fields the portal uses.
 *
 * @param uuid the offering's UUID
 * @param url the offering's API URL
 * @param name its name
 * @param type its type, such as {@code Marketplace.Slurm}
 * @param state {@code Draft}, {@code Active}, {@code Paused}, {@code Archived} or
 * {@code Unavailable}
 * @param customerUuid the provider organisation's UUID
 * @param categoryUuid the category's UUID
 * @param components its components
 * @param plans its plans
 * @param pluginOptions its {@code plugin_options} as sent by Waldur
 * @param shared whether it is shared
 * @param created when Waldur created it
 */
public record Offering(String uuid, @Nullable String url, @Nullable String name, @Nullable String type,
		@Nullable String state, @Nullable String customerUuid, @Nullable String categoryUuid,
		@Nullable List<OfferingComponent> components, @Nullable List<OfferingPlan> plans,
		@Nullable Map<String, Object> pluginOptions, boolean shared, @Nullable OffsetDateTime created) {

	public Offering {
		components = (components != null) ? List.copyOf(components) : List.of();
		plans = (plans != null) ? List.copyOf(plans) : List.of();
		pluginOptions = (pluginOptions != null) ? pluginOptions : Map.of();
	}

	/** Whether the offering is active. */
	public boolean active() {
		return OfferingState.ACTIVE.value().equals(this.state);
	}

	/**
	 * A component of an offering.
	 *
	 * @param uuid its UUID
	 * @param type its key, such as {@code cpu}
	 * @param name its label
	 * @param measuredUnit its unit
	 * @param billingType {@code usage}, {@code limit}, ...
	 * @param limitPeriod the limit period, or {@code null}
	 * @param limitAmount the limit, or {@code null}
	 * @param unitFactor the unit factor, or {@code null}
	 */
	public record OfferingComponent(@Nullable String uuid, @Nullable String type, @Nullable String name,
			@Nullable String measuredUnit, @Nullable String billingType, @Nullable String limitPeriod,
			@Nullable Integer limitAmount, @Nullable Integer unitFactor) {

	}

	/**
	 * A plan of an offering.
	 *
	 * @param uuid its UUID
	 * @param url its API URL
	 * @param name its name
	 */
	public record OfferingPlan(@Nullable String uuid, @Nullable String url, @Nullable String name) {

	}

}
